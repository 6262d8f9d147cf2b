import Foundation

/// `fineprint summarize --format json`: the `Summary` with stable, documented field names.
public enum SummaryJSON {
  public static func encode(_ summary: Summary) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(summary), as: UTF8.self)
  }
}

/// `SummaryJSON` as a `summarize` format.
public struct SummaryJSONRenderer: SummaryFormat {
  public static let identifier = "json"
  public init(options: ReportOptions) {}
  public func render(_ summary: Summary, document: Document) throws -> String { try SummaryJSON.encode(summary) }
}
