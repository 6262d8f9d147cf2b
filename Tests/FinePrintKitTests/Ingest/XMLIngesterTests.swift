import Foundation
import Testing
@testable import FinePrintKit

@Suite("XML ingestion")
struct XMLIngesterTests {
  @Test("Akoma Ntoso: num and heading make a heading, content makes clauses, docTitle the title")
  func akomaNtoso() throws {
    let doc = try TestSupport.xml(
      """
      <akomaNtoso><doc name="x"><meta><identification/></meta>
      <preface><p><docTitle>Data Licence</docTitle></p></preface>
      <body><section><num>7.</num><heading>Disputes</heading>
        <subsection><num>7.2</num><heading>Arbitration</heading><content><p>Disputes go to <i>binding</i> arbitration.</p></content></subsection>
        <paragraph><num>(a)</num><content><p>You waive a jury.</p></content></paragraph>
      </section></body></doc></akomaNtoso>
      """)
    #expect(doc.title == "Data Licence")
    let blocks = doc.blocks.map { (doc.text(in: $0.range), $0.kind) }
    #expect(
      blocks.map(\.0) == [
        "Data Licence", "7. Disputes", "7.2 Arbitration", "Disputes go to binding arbitration.", "(a) You waive a jury.",
      ])
    #expect(blocks[1].1 == .heading && blocks[2].1 == .heading && blocks[4].1 == .listItem)
    let clauses = ClauseSegmenter().clauses(in: doc)
    let arbitration = try #require(clauses.first { doc.text(in: $0.range).hasPrefix("Disputes go") })
    #expect(arbitration.headings.suffix(2) == ["7. Disputes", "7.2 Arbitration"])
  }

  @Test("A billion-laughs bomb is read safely and quickly")
  func billionLaughs() throws {
    var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
    for level in 1...9 {
      xml += " <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n"
    }
    xml += "]>\n<lolz><p>Terms: &lol9;</p></lolz>"
    let start = ContinuousClock.now
    let doc = try? TestSupport.xml(xml)
    #expect(ContinuousClock.now - start < .seconds(5))
    #expect((doc?.text.utf8.count ?? 0) < 10_000)
  }

  @Test("An external entity naming a local file is never read")
  func externalEntity() throws {
    let doc = try TestSupport.xml(
      """
      <?xml version="1.0"?>
      <!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
      <terms><p>We may share &xxe; with partners.</p></terms>
      """)
    #expect(!doc.text.contains("root:"))
    #expect(doc.text.contains("We may share"))
  }

  @Test("Truncated XML: the text that can be recovered, with a warning naming the line")
  func truncated() throws {
    let doc = try TestSupport.xml("<?xml version=\"1.0\"?>\n<terms><section><p>We may sell your dat")
    #expect(doc.text == "We may sell your dat")
    #expect(doc.warnings.contains { $0.contains("test.xml:2:") && $0.contains("not well-formed") })
  }

  @Test("XML with no text at all is an error with line and column")
  func nothingToRead() {
    #expect(throws: IngestError.self) { try TestSupport.xml("<lolz>&lol9;</lolz>") }
  }

  @Test("An .xml without its declaration is still XML: the Akoma Ntoso sample reads the same without it, with no warning")
  func xmlNameWithoutDeclaration() throws {
    let sample = try String(
      contentsOf: TestSupport.packageRoot.appendingPathComponent("Samples/biometric-licence.xml"), encoding: .utf8)
    let declaration = try #require(sample.range(of: "?>\n"))
    let withoutDeclaration = String(sample[declaration.upperBound...])
    let read = { (text: String) throws -> (Document, [String]) in
      let doc = try TestSupport.document(text, name: "licence.xml")
      return (doc, ClauseSegmenter().clauses(in: doc).map { "\($0.kind) \(doc.text(in: $0.range))" })
    }
    let (original, originalClauses) = try read(sample)
    let (bare, bareClauses) = try read(withoutDeclaration)
    #expect(bare.format == .xml)
    #expect(bare.warnings.isEmpty)
    #expect(bareClauses == originalClauses)
    #expect(
      bareClauses.contains(
        "listItem (a) You consent to the collection and use of your biometric identifiers for research, marketing and sharing with our partners."
      ))
    #expect(original.format == .xml)
  }

  @Test("An .xml that looks like HTML and is not XML is read as HTML, with a warning naming where the XML broke")
  func htmlSavedAsXML() throws {
    let page = "<div>\n<p>We may sell your data.<br>We keep it&nbsp;forever.</p>\n</div>\n"
    let doc = try TestSupport.document(page, name: "terms.xml")
    #expect(doc.format == .html)
    // Read as XML, the <br> and the &nbsp; were lost: "We may sell your data.We keep itforever."
    let clauses = ClauseSegmenter().clauses(in: doc).map { doc.text(in: $0.range) }
    #expect(clauses.count == 2)
    #expect(clauses.last?.hasPrefix("We keep it") == true && clauses.last?.hasSuffix("forever.") == true)
    #expect(!doc.text.contains("itforever"))
    #expect(doc.warnings.count == 1)
    // libxml2 names where it stopped reading the XML: here, the end of the file.
    let warning = try #require(doc.warnings.first)
    #expect(warning.hasPrefix("terms.xml:4:1: not well-formed XML ("))
    #expect(warning.hasSuffix("); read as HTML, which it looks like"))
  }

  @Test("--as xml keeps broken HTML-looking content XML: the recovered text, with the XML warning")
  func declaredXMLDoesNotFallBack() throws {
    let doc = try TestSupport.document("<div><p>We may sell your data.<br>We keep it.</p></div>", name: "terms.xml", format: .xml)
    #expect(doc.format == .xml)
    #expect(doc.warnings.contains { $0.contains("not well-formed XML") && $0.hasSuffix("read the text that could be recovered") })
  }
}
