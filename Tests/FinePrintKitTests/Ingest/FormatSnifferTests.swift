import Testing
@testable import FinePrintKit

@Suite("Format sniffing: extension against content")
struct FormatSnifferTests {
  private func resolve(_ name: String, _ content: String, declared: DocumentFormat? = nil) -> DocumentFormat {
    FormatSniffer.resolve(InputSource(name: name, bytes: Array(content.utf8), declaredFormat: declared))
  }

  private static let html = "<!DOCTYPE html>\n<html><body><p>We sell data.</p></body></html>"
  private static let akn = "<?xml version=\"1.0\"?>\n<akomaNtoso><act name=\"x\"><body/></act></akomaNtoso>"
  private static let xhtml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"
  private static let text = "1. Terms\n\nWe sell data.\n"

  @Test("Extensions promise a format")
  func extensions() {
    #expect(FormatSniffer.format(forExtension: "HTM") == .html)
    #expect(FormatSniffer.format(forExtension: "xhtml") == .html)
    #expect(FormatSniffer.format(forExtension: "akn") == .xml)
    #expect(FormatSniffer.format(forExtension: "md") == .plainText)
    #expect(FormatSniffer.format(forExtension: "pdf") == nil)
  }

  @Test("Content agrees with the extension")
  func agreeing() {
    #expect(resolve("a.html", Self.html) == .html)
    #expect(resolve("a.xml", Self.akn) == .xml)
    #expect(resolve("a.txt", Self.text) == .plainText)
  }

  @Test("A .txt that holds HTML or XML is markup")
  func textThatIsMarkup() {
    #expect(resolve("export.txt", Self.html) == .html)
    #expect(resolve("export.txt", Self.akn) == .xml)
    #expect(resolve("notes.md", "<div class=\"terms\"><p>We sell data.</p></div>") == .html)
  }

  @Test("An .html or .xml that holds plain text is plain text")
  func markupThatIsText() {
    #expect(resolve("terms.html", Self.text) == .plainText)
    #expect(resolve("terms.xml", "Terms of service, saved with the wrong name.") == .plainText)
  }

  @Test("No extension, or standard input: the content decides")
  func noExtension() {
    #expect(resolve("TERMS", Self.html) == .html)
    #expect(resolve("TERMS", Self.text) == .plainText)
    #expect(resolve("-", Self.akn) == .xml)
    #expect(resolve("-", Self.text) == .plainText)
    #expect(resolve(".terms", Self.html) == .html)
    // A dot in a directory name is not an extension.
    #expect(resolve("v1.2/TERMS", Self.text) == .plainText)
  }

  @Test("<?xml followed by <html is HTML (XHTML), also under an .xml name")
  func xmlDeclarationWithHTML() {
    #expect(resolve("-", Self.xhtml) == .html)
    #expect(resolve("page.xml", Self.xhtml) == .html)
    #expect(FormatSniffer.sniff(Array(Self.xhtml.utf8)) == .html)
  }

  @Test("An .xml name over tags HTML shares with XML vocabularies stays XML; an HTML doctype or root makes it HTML")
  func xmlNameOverHTMLLookingContent() {
    let aknWithoutDeclaration = "<akomaNtoso><act><body><p>We sell data.</p></body></act></akomaNtoso>"
    #expect(FormatSniffer.sniff(Array(aknWithoutDeclaration.utf8)) == .html)
    #expect(resolve("licence.xml", aknWithoutDeclaration) == .xml)
    #expect(resolve("licence.akn", aknWithoutDeclaration) == .xml)
    #expect(resolve("page.xml", "<!DOCTYPE html>\n<p>We sell data.</p>") == .html)
    #expect(resolve("page.xml", "<html><body><p>We sell data.</p></body></html>") == .html)
  }

  @Test("A declared format wins over extension and content")
  func declared() {
    #expect(resolve("a.html", Self.html, declared: .plainText) == .plainText)
    #expect(resolve("a.txt", Self.text, declared: .xml) == .xml)
  }

  @Test("A byte-order mark does not hide the markup")
  func byteOrderMarks() {
    #expect(FormatSniffer.sniff([0xEF, 0xBB, 0xBF] + Array(Self.html.utf8)) == .html)
    var utf16LE: [UInt8] = [0xFF, 0xFE]
    for unit in Self.html.utf16 { utf16LE += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    #expect(FormatSniffer.sniff(utf16LE) == .html)
    var utf16BE: [UInt8] = [0xFE, 0xFF]
    for unit in Self.akn.utf16 { utf16BE += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
    #expect(FormatSniffer.sniff(utf16BE) == .xml)
  }

  @Test("Text that merely starts with < is not markup")
  func lessThanInText() {
    #expect(FormatSniffer.sniff(Array("< 18 year olds may not use the Service.\n".utf8)) == .plainText)
    #expect(FormatSniffer.sniff(Array("<<IMPORTANT>> Read Section 9.\n".utf8)) == .plainText)
  }

  @Test("White space before the markup, ASCII or not, and upper-case tags")
  func leadingSpaceAndCase() {
    #expect(FormatSniffer.sniff(Array("\u{00A0}\u{2028}\n  <!DOCTYPE HTML><HTML><BODY>Terms</BODY></HTML>".utf8)) == .html)
    #expect(FormatSniffer.sniff(Array("\r\n<?XML version=\"1.0\"?><terms/>".utf8)) == .xml)
    #expect(FormatSniffer.sniff(Array("<éléments><clause>Texte</clause></éléments>".utf8)) == .xml)
    #expect(FormatSniffer.sniff(Array("<€ 5 fee> applies.\n".utf8)) == .plainText)
  }
}
