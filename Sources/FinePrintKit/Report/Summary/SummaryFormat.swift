/// Renders a plain-language summary in one output format (`summarize --format`). A new format is
/// one new type in `Report/Summary/`, named in `SummaryFormats.all`.
public protocol SummaryFormat: Sendable {
  /// The name `--format` takes.
  static var identifier: String { get }
  /// The renderer as a run's options ask for it (`--color`).
  init(options: ReportOptions)
  /// The summary of `document` in this format.
  /// - Throws: when the summary cannot be encoded.
  func render(_ summary: Summary, document: Document) throws -> String
}

/// Every output format of `summarize`, by the name `--format` takes.
public enum SummaryFormats {
  public static let all: [any SummaryFormat.Type] = [
    SummaryTextRenderer.self, SummaryMarkdownRenderer.self, SummaryJSONRenderer.self, SummaryHTMLRenderer.self,
  ]

  public static var identifiers: [String] { all.map { $0.identifier } }

  /// The renderer for an identifier, with the run's options.
  public static func renderer(_ identifier: String, options: ReportOptions = ReportOptions()) -> (any SummaryFormat)? {
    all.first { $0.identifier == identifier }.map { $0.init(options: options) }
  }
}
