import Foundation
@testable import FinePrintKit

/// Summary pages of the Samples and of small documents, made as `fineprint summarize --format
/// html` makes them, with the helpers the page tests share.
enum SummaryPage {
  /// The Samples every page test reads: HTML, plain text and Akoma Ntoso XML.
  static let samples = ["voice-marketplace.html", "fair-consent.html", "fitness-consent.txt", "biometric-licence.xml"]

  static let summarizer = try! Summarizer(linter: Linter(engine: TestSupport.engine()))

  struct Page {
    var summary: Summary
    var document: Document
    var html: String
  }

  static func page(_ document: Document) -> Page {
    let summary = summarizer.summarize(document)
    return Page(summary: summary, document: document, html: SummaryHTMLRenderer().render(summary, document: document))
  }

  /// The page of `Samples/<name>`, named as a user would name it.
  static func sample(_ name: String) throws -> Page {
    let path = TestSupport.packageRoot.appendingPathComponent("Samples/\(name)").path
    var source = try InputCollector().read(path)
    source.name = "Samples/\(name)"
    return page(try DocumentIngester().ingest(source))
  }

  /// Every value of `attribute` in `html` (`href`, `id`), in order.
  static func values(of attribute: String, in html: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: "\\s\(attribute)=\"([^\"]*)\"")
    let ns = html as NSString
    return pattern.matches(in: html, range: NSRange(location: 0, length: ns.length)).map {
      ns.substring(with: $0.range(at: 1))
    }
  }

  /// Text as a browser serialises it in a DOM dump (only & < > and no-break space escaped).
  static func domText(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\u{A0}", with: "&nbsp;")
  }
}
