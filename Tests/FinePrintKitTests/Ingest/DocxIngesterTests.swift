import Foundation
import Testing
import ZIPFoundation
@testable import FinePrintKit

/// Builds `.docx` files in memory, as Word lays them out, so no binary fixture is needed.
enum DocxBuilder {
  static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
    <Default Extension="xml" ContentType="application/xml"/>
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
    </Types>
    """

  /// A document part whose body is `body` (WordprocessingML with the `w:` prefix).
  static func documentXML(_ body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
    xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="wps">\
    <w:body>\(body)<w:sectPr/></w:body></w:document>
    """
  }

  /// A paragraph of one run.
  static func p(_ text: String, style: String? = nil) -> String {
    let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
    return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
  }

  /// A `.docx` holding `[Content_Types].xml`, the document part and any other `parts`.
  static func docx(
    _ body: String, styles: String? = nil, parts: [(String, String)] = [],
    compression: CompressionMethod = .deflate
  ) throws -> [UInt8] {
    var all = [("[Content_Types].xml", contentTypes), ("word/document.xml", documentXML(body))]
    if let styles {
      all.append(
        (
          "word/styles.xml",
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\(styles)</w:styles>
          """
        ))
    }
    return try zip(all + parts, compression: compression)
  }

  static func zip(_ parts: [(String, String)], compression: CompressionMethod = .deflate) throws -> [UInt8] {
    try zip(parts.map { ($0.0, Array($0.1.utf8)) }, compression: compression)
  }

  static func zip(_ parts: [(String, [UInt8])], compression: CompressionMethod = .deflate) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
    for (path, bytes) in parts {
      let data = Data(bytes)
      try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression) {
        position, size in data.subdata(in: Int(position)..<(Int(position) + size))
      }
    }
    return [UInt8](try #require(archive.data))
  }

  /// Where the local header of `path` starts, and where its data starts.
  static func localHeader(_ path: String, in bytes: [UInt8]) -> (header: Int, data: Int)? {
    let name = Array(path.utf8)
    for i in 0..<(bytes.count - 30) where bytes[i..<(i + 4)].elementsEqual([0x50, 0x4B, 0x03, 0x04]) {
      let nameLength = Int(bytes[i + 26]) | Int(bytes[i + 27]) << 8
      let extraLength = Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8
      if bytes[(i + 30)..<(i + 30 + nameLength)].elementsEqual(name) { return (i, i + 30 + nameLength + extraLength) }
    }
    return nil
  }

  /// Where the central directory record of `path` starts.
  static func directoryRecord(_ path: String, in bytes: [UInt8]) -> Int? {
    let name = Array(path.utf8)
    for i in 0..<(bytes.count - 46) where bytes[i..<(i + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
      let nameLength = Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8
      if bytes[(i + 46)..<(i + 46 + nameLength)].elementsEqual(name) { return i }
    }
    return nil
  }
}

@Suite("DOCX ingestion")
struct DocxIngesterTests {
  typealias B = DocxBuilder

  private func ingest(_ bytes: [UInt8], name: String = "terms.docx", maxBytes: Int = 100 * 1_048_576) throws -> Document {
    try DocumentIngester(maxBytes: maxBytes).ingest(InputSource(name: name, bytes: bytes))
  }

  /// The error ingesting `bytes` throws; it must name the file.
  private func ingestError(_ bytes: [UInt8], name: String = "terms.docx", maxBytes: Int = 100 * 1_048_576) -> IngestError? {
    do {
      _ = try ingest(bytes, name: name, maxBytes: maxBytes)
      Issue.record("no error")
      return nil
    } catch let error as IngestError {
      #expect(error.path == name)
      #expect(error.errorDescription?.hasPrefix("\(name): ") == true)
      #expect(error.errorDescription?.contains("\n") == false)
      return error
    } catch {
      Issue.record("unexpected error \(error)")
      return nil
    }
  }

  private func blocks(_ doc: Document) -> [String] { doc.blocks.map { doc.text(in: $0.range) } }

  // MARK: - Text and blocks

  @Test("Paragraphs are blocks; tabs, line breaks and xml:space are honoured; empty paragraphs make none")
  func textAndBlocks() throws {
    let doc = try ingest(
      try B.docx(
        """
        <w:p><w:r><w:t>  Intro, trimmed  </w:t></w:r></w:p>
        <w:p/>
        <w:p><w:r><w:t>Name:</w:t><w:tab/><w:t>Ada</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">Keep </w:t></w:r><w:r><w:t xml:space="preserve">  two  </w:t></w:r><w:r><w:t>words</w:t></w:r></w:p>
        <w:p><w:r><w:t>First line.</w:t><w:br/><w:t>Second line.</w:t><w:cr/><w:t>Third &amp; last.</w:t></w:r></w:p>
        <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>No tab stop is text.</w:t></w:r></w:p>
        """))
    #expect(doc.format == .docx)
    #expect(
      blocks(doc) == [
        "Intro, trimmed", "Name:\tAda", "Keep   two  words", "First line.\nSecond line.\nThird & last.",
        "No tab stop is text.",
      ])
    #expect(doc.blocks.allSatisfy { $0.kind == .paragraph })
  }

  @Test("A sentence split across runs stays one clause and is found by the rules")
  func runsJoin() throws {
    let doc = try ingest(
      try B.docx(
        """
        <w:p><w:r><w:t xml:space="preserve">We may </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>sell</w:t></w:r>\
        <w:r><w:t xml:space="preserve"> your </w:t></w:r><w:hyperlink><w:r><w:t>personal data</w:t></w:r></w:hyperlink>\
        <w:r><w:t xml:space="preserve"> to data brokers.</w:t></w:r></w:p>
        """))
    let clauses = ClauseSegmenter().clauses(in: doc)
    #expect(clauses.map { doc.text(in: $0.range) } == ["We may sell your personal data to data brokers."])
    let findings = try Linter(engine: TestSupport.engine()).lint(doc)
    let sale = try #require(findings.first { $0.rule == "sell-personal-data" })
    #expect((sale.line, sale.column) == (1, 8))
  }

  @Test("Deleted, moved-away, hidden and field-instruction text is not read; inserted text is")
  func invisibleText() throws {
    let doc = try ingest(
      try B.docx(
        """
        <w:p><w:r><w:t xml:space="preserve">We </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>never </w:delText></w:r></w:del>\
        <w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">may </w:t></w:r></w:ins><w:r><w:t xml:space="preserve">share </w:t></w:r>\
        <w:moveFrom w:id="3" w:author="A"><w:r><w:t>old words </w:t></w:r></w:moveFrom>\
        <w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden words </w:t></w:r><w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t xml:space="preserve">your </w:t></w:r>\
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://x" </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>data</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
        <w:r><w:t>.</w:t></w:r></w:p>
        <w:p><w:pPr><w:pPrChange w:id="4" w:author="A"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Not a heading any more.</w:t></w:r></w:p>
        """))
    #expect(blocks(doc) == ["We may share your data.", "Not a heading any more."])
    #expect(doc.blocks[1].kind == .paragraph)
  }

  @Test("A text box is read once: mc:Fallback repeats mc:Choice and is skipped")
  func textBoxes() throws {
    let doc = try ingest(
      try B.docx(
        """
        <w:p><w:r><w:t>Anchor.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>\
        <w:p><w:r><w:t>Boxed text.</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>\
        <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed text.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>\
        </mc:AlternateContent></w:r><w:r><w:t xml:space="preserve"> After.</w:t></w:r></w:p>
        <w:p><w:r><w:t>Next.</w:t></w:r></w:p>
        """))
    #expect(blocks(doc) == ["Anchor. After.", "Boxed text.", "Next."])
    // Paragraphs are numbered where they start: the box is paragraph 2, the next one 3.
    #expect(doc.blocks.map { doc.span(of: $0.range).start.line } == [1, 2, 3])
  }

  // MARK: - Structure

  @Test("Heading styles (by ID, by name in styles.xml, inherited) and outline levels make headings and heading paths")
  func headings() throws {
    let styles = """
      <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>
      <w:style w:type="paragraph" w:styleId="ClauseTitle"><w:name w:val="Clause Title"/><w:basedOn w:val="berschrift2"/></w:style>
      <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
      <w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/></w:style>
      """
    let doc = try ingest(
      try B.docx(
        """
        \(B.p("Creator Licence", style: "Titel"))
        \(B.p("7. Disputes", style: "berschrift1"))
        \(B.p("7.2 Arbitration", style: "ClauseTitle"))
        \(B.p("Disputes go to binding arbitration."))
        \(B.p("8. Data", style: "Heading1"))
        <w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>8.1 Sharing</w:t></w:r></w:p>
        \(B.p("We share your recordings with partners."))
        <w:p><w:pPr><w:pStyle w:val="Heading3"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>Body text in a heading style.</w:t></w:r></w:p>
        """, styles: styles))
    #expect(doc.title == "Creator Licence")
    #expect(doc.blocks.map(\.kind) == [.heading, .heading, .heading, .paragraph, .heading, .heading, .paragraph, .paragraph])
    #expect(doc.blocks.map(\.level) == [1, 1, 2, 0, 1, 2, 0, 0])
    let clauses = ClauseSegmenter().clauses(in: doc)
    let arbitration = try #require(clauses.first { doc.text(in: $0.range).hasPrefix("Disputes go") })
    #expect(arbitration.headings == ["7. Disputes", "7.2 Arbitration"])
    let sharing = try #require(clauses.first { doc.text(in: $0.range).hasPrefix("We share") })
    #expect(sharing.headings == ["8. Data", "8.1 Sharing"])
  }

  @Test("Numbered paragraphs are list items at their level; table cells' paragraphs are blocks of their own")
  func listsAndTables() throws {
    let doc = try ingest(
      try B.docx(
        """
        <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>We collect your voice.</w:t></w:r></w:p>
        <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Including samples.</w:t></w:r></w:p>
        <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Numbering removed.</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Use</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Fee</w:t></w:r></w:p>\
        <w:p><w:r><w:t>Paid monthly.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        """))
    #expect(blocks(doc) == ["We collect your voice.", "Including samples.", "Numbering removed.", "Use", "Fee", "Paid monthly."])
    #expect(doc.blocks.map(\.kind) == [.listItem, .listItem, .paragraph, .tableCell, .tableCell, .tableCell])
    #expect(doc.blocks.map(\.level) == [1, 2, 0, 0, 0, 0])
  }

  // MARK: - Positions

  @Test("Positions are paragraph numbers (every w:p counts) and code-point columns in the paragraph")
  func positions() throws {
    let doc = try ingest(
      try B.docx(
        """
        \(B.p("Terms", style: "Heading1"))
        <w:p/>
        <w:p><w:r><w:t>Café rules: we may sell your data.</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p><w:pPr/></w:p>
        <w:p><w:r><w:t>First line.</w:t><w:br/><w:t>We may sell your data.</w:t></w:r></w:p>
        """))
    let findings = try Linter(engine: TestSupport.engine()).lint(doc).filter { $0.rule == "sell-personal-data" }
    #expect(findings.map { [$0.line, $0.column] } == [[3, 20], [6, 20]])
    let second = try #require(findings.last)
    #expect(second.endLine == 6 && second.endColumn == second.column + second.match.unicodeScalars.count)
    let clauses = ClauseSegmenter().clauses(in: doc)
    let afterBreak = try #require(clauses.first { doc.text(in: $0.range).hasPrefix("We may sell your data") })
    let start = doc.span(of: afterBreak.range).start
    #expect((start.line, start.column) == (6, 13))
    #expect(doc.lineIndex.lineCount == 6)
  }

  @Test("A paragraph that starts with fineprint- is a suppression directive, as a line is in plain text")
  func suppression() throws {
    let doc = try ingest(
      try B.docx(
        """
        \(B.p("fineprint-disable-next-line third-party-resale: reviewed by counsel"))
        \(B.p("We may sell your personal data."))
        """))
    let result = try Linter(engine: TestSupport.engine()).lintApplyingSuppressions(doc)
    #expect(result.suppressed.map(\.rule) == ["sell-personal-data"])
    #expect(result.suppressed.first?.line == 2)
    #expect(!result.findings.contains { $0.category == "third-party-resale" })
  }

  @Test("Styles and parts found by relationship: word/document2.xml, stored without compression")
  func otherLayouts() throws {
    let rels = """
      <?xml version="1.0" encoding="UTF-8"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/>
      </Relationships>
      """
    let bytes = try B.zip(
      [
        ("[Content_Types].xml", B.contentTypes), ("_rels/.rels", rels),
        ("word/document2.xml", B.documentXML(B.p("We may sell your data."))),
      ], compression: .none)
    #expect(blocks(try ingest(bytes)) == ["We may sell your data."])
  }

  // MARK: - Format detection

  @Test("A .docx is known by its extension and by its content, whatever it is called")
  func detection() throws {
    let bytes = try B.docx(B.p("We may sell your data."))
    func resolve(_ name: String, _ bytes: [UInt8], declared: DocumentFormat? = nil) -> DocumentFormat {
      FormatSniffer.resolve(InputSource(name: name, bytes: bytes, declaredFormat: declared))
    }
    #expect(FormatSniffer.format(forExtension: "DOCX") == .docx)
    #expect(resolve("terms.docx", bytes) == .docx)
    #expect(resolve("-", bytes) == .docx)
    #expect(resolve("terms.txt", bytes) == .docx)
    #expect(resolve("terms.html", bytes) == .docx)
    #expect(resolve("terms.docx", Array("Plain terms, misnamed.".utf8)) == .plainText)
    let workbook = try B.zip([("xl/workbook.xml", "<workbook/>")])
    #expect(resolve("book.xlsx", workbook) == .plainText)  // and InputGuard refuses it as a ZIP archive
    #expect(resolve("book.docx", workbook) == .docx)  // so that the error says what is wrong
    #expect(resolve("terms.bin", Array("x".utf8), declared: .docx) == .docx)
    #expect(try ingest(bytes, name: "-").format == .docx)
  }

  @Test("A directory walk picks up .docx files")
  func directoryWalk() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(try B.docx(B.p("Terms."))).write(to: dir.appendingPathComponent("terms.docx"))
    try Data("x".utf8).write(to: dir.appendingPathComponent("sheet.xlsx"))
    let found = try InputCollector().expand([dir.path])
    #expect(found.map { URL(fileURLWithPath: $0).lastPathComponent } == ["terms.docx"])
  }

  // MARK: - Bad input

  @Test("A damaged or truncated ZIP is a one-line error")
  func corruptZip() throws {
    let bytes = try B.docx(B.p("We may sell your data."))
    let error = ingestError(Array(bytes.prefix(bytes.count / 2)))
    #expect(
      error?.errorDescription
        == "terms.docx: not a readable Word document: the ZIP archive is damaged or cut short (no readable directory)")
    // A mangled deflate stream.
    var mangled = bytes
    let data = try #require(B.localHeader("word/document.xml", in: bytes)).data
    for i in data..<(data + 12) { mangled[i] = 0xFF }
    #expect(ingestError(mangled)?.errorDescription?.contains("word/document.xml is damaged") == true)
  }

  @Test("A deflate stream cut short (ZIPFoundation's own extract would wait forever) is an error, at once")
  func truncatedStream() throws {
    var bytes = try B.docx(B.p("We may sell your data. " + String(repeating: "More terms. ", count: 200)))
    let data = try #require(B.localHeader("word/document.xml", in: bytes)).data
    // A stored block that promises 65,535 bytes the entry does not have.
    bytes.replaceSubrange(data..<(data + 5), with: [0x00, 0xFF, 0xFF, 0x00, 0x00])
    let start = ContinuousClock.now
    #expect(
      ingestError(bytes)?.errorDescription
        == "terms.docx: not a readable Word document: word/document.xml is damaged (its compressed data is cut short)")
    #expect(ContinuousClock.now - start < .seconds(5))
  }

  @Test("A ZIP without word/document.xml says what it seems to be")
  func notAWordDocument() throws {
    let workbook = try B.zip([("[Content_Types].xml", B.contentTypes), ("xl/workbook.xml", "<workbook/>")])
    #expect(
      ingestError(workbook)?.errorDescription
        == "terms.docx: not a readable Word document: the ZIP archive has no word/document.xml: it looks like an Excel workbook")
    let other = try B.zip([("notes.txt", "We may sell your data.")])
    #expect(
      ingestError(other)?.errorDescription
        == "terms.docx: not a readable Word document: the ZIP archive has no word/document.xml: it is not a Word document")
    // Not named .docx: a ZIP archive is not a text document.
    #expect(
      ingestError(other, name: "notes.zip")
        == .binary(path: "notes.zip", reason: "it is a ZIP archive without word/document.xml, so not a Word document"))
  }

  @Test("Encrypted files: a password-protected .docx (OLE2), a Word 97 .doc, ZIP entries with the encryption flag")
  func encrypted() throws {
    let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
    let encryptedPackage = ole + Array("EncryptedPackage".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0, 0]
    #expect(ingestError(encryptedPackage)?.errorDescription?.contains("password-protected") == true)
    #expect(ingestError(ole)?.errorDescription?.contains("Word 97–2003 document (.doc)") == true)
    #expect(
      ingestError(ole, name: "old.doc")
        == .binary(path: "old.doc", reason: "it is an old binary Office file (.doc, .xls) or an encrypted one; save it as .docx"))
    var flagged = try B.docx(B.p("Secret terms."))
    let header = try #require(B.localHeader("word/document.xml", in: flagged)).header
    let record = try #require(B.directoryRecord("word/document.xml", in: flagged))
    flagged[header + 6] |= 1
    flagged[record + 8] |= 1
    #expect(ingestError(flagged)?.errorDescription?.contains("encrypted") == true)
  }

  @Test("A ZIP bomb stops at the size limit: by its header, and by unpacking when the header lies")
  func zipBomb() throws {
    let huge = B.documentXML(B.p("Terms.") + String(repeating: " ", count: 2_000_000))
    let bomb = try B.zip([("[Content_Types].xml", B.contentTypes), ("word/document.xml", huge)])
    #expect(bomb.count < 20_000)
    let limit =
      "terms.docx: not a readable Word document: word/document.xml unpacks to more than the 1 MB limit (raise it with --max-size, or max_size under limits in .fineprint.yml)"
    #expect(ingestError(bomb, maxBytes: 1_048_576)?.errorDescription == limit)
    // The same bomb claiming to unpack to 100 bytes.
    var lying = bomb
    let header = try #require(B.localHeader("word/document.xml", in: lying)).header
    let record = try #require(B.directoryRecord("word/document.xml", in: lying))
    lying.replaceSubrange((header + 22)..<(header + 26), with: [100, 0, 0, 0])
    lying.replaceSubrange((record + 24)..<(record + 28), with: [100, 0, 0, 0])
    #expect(ingestError(lying, maxBytes: 1_048_576)?.errorDescription == limit)
    // Under a larger limit it is read.
    #expect(blocks(try ingest(bomb)) == ["Terms."])
  }

  @Test("A Word document with no text, or whose XML is broken")
  func noTextAndBrokenXML() throws {
    let empty = try B.docx("<w:p/><w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>")
    #expect(ingestError(empty) == .noVisibleText(path: "terms.docx", reason: "the Word document has no text"))
    let broken = try B.zip([
      (
        "word/document.xml",
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>We may sell your dat"
      )
    ])
    let doc = try ingest(broken)
    #expect(blocks(doc) == ["We may sell your dat"])
    #expect(doc.warnings.contains { $0.hasPrefix("terms.docx: word/document.xml is not well-formed XML") })
    let garbage = try B.zip([("word/document.xml", "<<<not xml")])
    #expect(ingestError(garbage)?.errorDescription?.contains("word/document.xml is not well-formed XML") == true)
  }

  @Test("Entities are not expanded and nothing is loaded from a DOCTYPE")
  func safeXML() throws {
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE w:document [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;"> ]>
      <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
      <w:p><w:r><w:t>We share &xxe; &lol2; with partners.</w:t></w:r></w:p></w:body></w:document>
      """
    let doc = try ingest(try B.zip([("word/document.xml", xml)]))
    #expect(!doc.text.contains("root:") && !doc.text.contains("lol"))
    #expect(doc.text.hasPrefix("We share"))
  }

  @Test("--as docx and .docx files through the command line", .enabled(if: CLIRunner.executable != nil))
  func commandLine() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("terms.bin")
    try Data(try B.docx("\(B.p("Data", style: "Heading1"))<w:p/>\(B.p("We may sell your data."))")).write(to: file)
    let result = try CLIRunner.run(["clauses", "--as", "docx", file.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("terms.bin:3:1: sentence [Data]: We may sell your data."))
    let bad = dir.appendingPathComponent("bad.docx")
    try Data("PK\u{3}\u{4}not really a zip".utf8).write(to: bad)
    let failed = try CLIRunner.run(["lint", bad.path])
    #expect(failed.status == 2)
    #expect(
      failed.stderr
        == "fineprint: error: \(bad.path): not a readable Word document: the ZIP archive is damaged or cut short (no readable directory)\n"
    )
  }
}
