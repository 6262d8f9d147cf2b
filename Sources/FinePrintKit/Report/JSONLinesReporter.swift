import Foundation

/// `--format jsonl`: one finding per line, for streaming into other tools.
public struct JSONLinesReporter: Reporter {
  public static let identifier = "jsonl"
  public static let summary = "One JSON object per finding, one per line."

  public init() {}

  public func render(_ report: Report) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return report.findings.compactMap { try? encoder.encode($0) }.map { String(decoding: $0, as: UTF8.self) }
      .joined(separator: "\n")
  }
}
