import Testing
@testable import FinePrintKit

@Suite("Plain-text ingestion: encodings, line ends, paragraphs, positions")
struct PlainTextIngesterTests {
  // MARK: helpers

  /// Directive lines found by walking every line, as they were before the text was searched
  /// for the marker: the reference the search must agree with.
  private static func directiveLinesByWalk(_ bytes: [UInt8]) -> [SourceComment] {
    var out: [SourceComment] = []
    var lineStart = 0
    let marker = Array("fineprint-".utf8)
    for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
      var j = lineStart
      while j < i, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == UInt8(ascii: "#") || bytes[j] == UInt8(ascii: "/") {
        j += 1
      }
      if i - j >= marker.count, bytes[j..<(j + marker.count)].elementsEqual(marker) {
        var end = i
        if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
        out.append(SourceComment(text: String(decoding: bytes[j..<end], as: UTF8.self), range: lineStart..<end))
      }
      lineStart = i + 1
    }
    return out
  }

  @Test("Directive lines found by searching for the marker are those found by walking every line")
  func directiveSearchMatchesWalk() {
    let pieces = [
      "fineprint-", "fineprint-disable-next-line x", "fine", "print-", " ", "\t", "#", "//", "/", "\n", "\r\n", "\r", "a",
      "We may sell your data.", "é", "fineprint-fineprint-",
    ].map { Array($0.utf8) }
    var seed: UInt64 = 5
    var directives = 0
    for _ in 0..<3_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(seed >> 60) + 1 {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes += pieces[Int(seed >> 33) % pieces.count]
      }
      let expected = Self.directiveLinesByWalk(bytes)
      directives += expected.count
      #expect(PlainTextIngester.directiveLines(bytes) == expected, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
    }
    // The texts hold directives, not only lines that are not.
    #expect(directives > 500)
  }

  private func ingest(_ bytes: [UInt8], name: String = "terms.txt") throws -> Document {
    try DocumentIngester().ingest(InputSource(name: name, bytes: bytes))
  }

  private func ingest(_ text: String, name: String = "terms.txt") throws -> Document {
    try ingest(Array(text.utf8), name: name)
  }

  /// The byte range of the first occurrence of `word` in the document's text.
  private func range(of word: String, in document: Document, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> Range<Int>
  {
    let needle = Array(word.utf8)
    let haystack = document.bytes
    if needle.count <= haystack.count {
      for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
        return start..<(start + needle.count)
      }
    }
    Issue.record("\(word) not found in \(document.text)", sourceLocation: sourceLocation)
    return 0..<0
  }

  /// (line, column) of the start and the exclusive end of `word`.
  private func position(of word: String, in document: Document) -> [Int] {
    let span = document.span(of: range(of: word, in: document))
    return [span.start.line, span.start.column, span.end.line, span.end.column]
  }

  private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
      let high = UInt8(unit >> 8)
      let low = UInt8(unit & 0xFF)
      bytes += bigEndian ? [high, low] : [low, high]
    }
    return bytes
  }

  private func blockTexts(_ document: Document) -> [String] {
    document.blocks.map { document.text(in: $0.range) }
  }

  // MARK: encodings

  @Test("UTF-8 text is read as is, with no warning")
  func utf8() throws {
    let document = try ingest("Terms of Use\nWe sell your data.\n")
    #expect(document.text == "Terms of Use\nWe sell your data.\n")
    #expect(document.format == .plainText)
    #expect(document.path == "terms.txt")
    #expect(document.warnings.isEmpty)
    #expect(position(of: "sell", in: document) == [2, 4, 2, 8])
  }

  @Test("A UTF-8 byte-order mark is dropped and does not shift columns")
  func utf8BOM() throws {
    let document = try ingest([0xEF, 0xBB, 0xBF] + Array("Terms apply.\nWe sell data.".utf8))
    #expect(document.text == "Terms apply.\nWe sell data.")
    #expect(document.warnings.isEmpty)
    #expect(position(of: "Terms", in: document) == [1, 1, 1, 6])
    #expect(position(of: "sell", in: document) == [2, 4, 2, 8])
    #expect(blockTexts(document) == ["Terms apply.\nWe sell data."])
  }

  @Test("UTF-16 with a byte-order mark is decoded, little- and big-endian", arguments: [false, true])
  func utf16WithBOM(bigEndian: Bool) throws {
    let document = try ingest(utf16("Clause one: café.\r\nWe sell 😀 data.", bigEndian: bigEndian))
    #expect(document.text == "Clause one: café.\r\nWe sell 😀 data.")
    #expect(document.warnings.isEmpty)
    #expect(position(of: "café", in: document) == [1, 13, 1, 17])
    #expect(position(of: "data", in: document) == [2, 11, 2, 15])
  }

  @Test("Invalid UTF-8 is read as Windows-1252, with a warning naming the file")
  func invalidUTF8() throws {
    // "Café crème: “sold” here." in Windows-1252.
    let bytes =
      Array("Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8] + Array("me: ".utf8) + [0x93]
      + Array("sold".utf8) + [0x94] + Array(" here.".utf8)
    let document = try ingest(bytes, name: "legacy.txt")
    #expect(document.text == "Café crème: \u{201C}sold\u{201D} here.")
    #expect(document.warnings == ["legacy.txt: not valid UTF-8; read as Windows-1252"])
    // One byte per character in the file, one code point per character in the text.
    #expect(position(of: "sold", in: document) == [1, 14, 1, 18])
    #expect(position(of: "here", in: document) == [1, 20, 1, 24])
  }

  // MARK: line ends

  @Test("CRLF line ends: lines and columns as an editor shows them")
  func crlf() throws {
    let document = try ingest("First para line one\r\nline two\r\n\r\nSecond para\r\n")
    #expect(blockTexts(document) == ["First para line one\r\nline two", "Second para"])
    #expect(position(of: "two", in: document) == [2, 6, 2, 9])
    let first = document.span(of: document.blocks[0].range)
    #expect([first.start.line, first.start.column, first.end.line, first.end.column] == [1, 1, 2, 9])
    #expect(position(of: "Second", in: document) == [4, 1, 4, 7])
  }

  @Test("A lone CR ends a line, and two of them end a paragraph")
  func loneCR() throws {
    let document = try ingest("We may sell\ryour data.\r\rYou agree.")
    #expect(blockTexts(document) == ["We may sell\ryour data.", "You agree."])
    #expect(position(of: "data", in: document) == [2, 6, 2, 10])
    #expect(position(of: "agree", in: document) == [4, 5, 4, 10])
  }

  // MARK: paragraphs

  @Test("Paragraphs split at blank lines, also lines of only spaces or tabs")
  func paragraphs() throws {
    let document = try ingest("  1. Scope.\nIt applies.\n   \n2. Data.\n\t\n\n3. Law.  \n")
    #expect(blockTexts(document) == ["1. Scope.\nIt applies.", "2. Data.", "3. Law."])
    #expect(document.blocks.allSatisfy { $0.kind == .preformatted })
    #expect(position(of: "1. Scope", in: document)[0...1] == [1, 3])
    #expect(position(of: "3. Law", in: document)[0...1] == [7, 1])
  }

  @Test("Form feeds and vertical tabs are blank: a page break separates paragraphs and is not part of one")
  func formFeeds() throws {
    let document = try ingest("Page one ends.\n\u{0C}\n\u{0C} Page two starts.\u{0B}\n")
    #expect(blockTexts(document) == ["Page one ends.", "Page two starts."])
    #expect(position(of: "Page two", in: document)[0...1] == [3, 3])
  }

  @Test("A document of one line without a final line break is one paragraph")
  func singleLine() throws {
    let document = try ingest("We sell data.")
    #expect(document.blocks.map(\.range) == [0..<13])
  }

  // MARK: positions after multi-byte characters

  @Test(
    "Columns count code points after multi-byte prefixes",
    arguments: [
      ("😀 We sell data.", 6),  // 4-byte emoji
      ("日本語の規約 sell", 8),  // 3-byte CJK
      ("e\u{301}te\u{301} sell", 7),  // combining acute accents: two code points each
      ("ÅÄÖ\u{00A0}sell", 5),  // 2-byte letters and a no-break space
    ])
  func multiBytePrefixes(text: String, column: Int) throws {
    let document = try ingest("Heading\n" + text)
    #expect(position(of: "sell", in: document) == [2, column, 2, column + 4])
  }
}
