import Testing
@testable import FinePrintKit

@Suite("Clause segmenter: never crashes, never hangs, ranges stay sound")
struct SegmenterRobustnessTests {
  /// Bytes that exercise the scanner: terminators, brackets, quotes, markers, line breaks,
  /// multi-byte punctuation and white space, and stray continuation bytes.
  static let alphabet: [[UInt8]] =
    [
      ".", "!", "?", ";", ":", ",", "(", ")", "[", "]", "\"", "'", " ", "  ", "\n", "\n\n", "\r\n", "\t", "a", "b",
      "i", "v", "A", "B", "I", "X", "1", "2", "7.2", "(a)", "(iv)", "e.g.", "Inc.", "U.S.", "No.", "§", "\u{2022}",
      "-", "*", "\u{201C}", "\u{201D}", "\u{2026}", "\u{00A0}", "\u{200B}", "\u{3002}", "Section ", "word", "WORD",
      "The", "and", "or", "\u{00E9}", "\u{1F600}",
    ].map { Array($0.utf8) } + [[0x80], [0xC3], [0xE2, 0x80], [0xFF]]

  static func check(_ document: Document) {
    let clauses = ClauseSegmenter().clauses(in: document)
    var previousEnd = 0
    for clause in clauses {
      #expect(!clause.range.isEmpty)
      #expect(clause.range.lowerBound >= previousEnd)
      #expect(clause.range.upperBound <= document.bytes.count)
      #expect(clause.blockIndex >= 0 && clause.blockIndex < document.blocks.count)
      previousEnd = clause.range.upperBound
    }
  }

  @Test("Random token soup, ingested as plain text")
  func tokenSoup() throws {
    var generator = SplitMix(seed: 42)
    for _ in 0..<300 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0..<400, using: &generator) {
        bytes += Self.alphabet.randomElement(using: &generator) ?? []
      }
      Self.check(try plainDocument(String(decoding: bytes, as: UTF8.self)))
      Self.check(try PlainTextIngester().ingest(InputSource(name: "raw", bytes: bytes)))
    }
  }

  @Test("Random bytes, and markup blocks with odd ranges and levels")
  func randomBytes() throws {
    var generator = SplitMix(seed: 7)
    for _ in 0..<200 {
      let bytes = (0..<Int.random(in: 0..<1_500, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
      Self.check(try PlainTextIngester().ingest(InputSource(name: "raw", bytes: bytes)))
      let text = String(decoding: bytes, as: UTF8.self)
      let count = text.utf8.count
      var blocks: [Block] = []
      var start = 0
      while start < count {
        let end = min(count, start + Int.random(in: 1..<300, using: &generator))
        let kinds: [Block.Kind] = [.heading, .paragraph, .listItem, .tableCell, .preformatted]
        blocks.append(
          Block(
            kind: kinds.randomElement(using: &generator) ?? .paragraph,
            level: Int.random(in: -2..<9, using: &generator), range: start..<end))
        start = end
      }
      blocks.append(Block(kind: .paragraph, range: (count + 5)..<(count + 9)))  // out of range
      Self.check(
        Document(
          path: "x", format: .html, text: text, blocks: blocks, sourceMap: SourceMap(),
          lineIndex: LineIndex(source: Array(text.utf8))))
    }
  }

  @Test("Pathological inputs finish")
  func pathological() throws {
    let inputs = [
      String(repeating: "(", count: 20_000), String(repeating: ". ", count: 20_000),
      String(repeating: "a;", count: 20_000), String(repeating: "1.\n", count: 10_000),
      String(repeating: "e.g. ", count: 10_000), String(repeating: "\u{2026}", count: 10_000),
      String(repeating: "x", count: 100_000),
    ]
    for input in inputs { Self.check(try plainDocument(input)) }
  }
}

/// A plain-text document, as the plain-text ingester reads it.
private func plainDocument(_ text: String) throws -> Document {
  try PlainTextIngester().ingest(InputSource(name: "test.txt", bytes: Array(text.utf8)))
}
