import Foundation

/// `fineprint summarize --format json`: the `Summary` with stable, documented field names.
public enum SummaryJSON {
  public static func encode(_ summary: Summary) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(summary), as: UTF8.self)
  }
}
