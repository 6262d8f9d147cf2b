/// `fineprint summarize --format html`: one self-contained page (placeholder until the page lands).
public struct SummaryHTMLRenderer: Sendable {
  public init() {}

  public func render(_ summary: Summary, document: Document) -> String {
    "<!doctype html><title>FinePrint</title><pre>\(XMLEscaping.escape(SummaryTextRenderer().render(summary)))</pre>"
  }
}
