/// `--format jsonl`: one finding per line, for streaming into other tools.
public struct JSONLinesReporter: Reporter {
  public static let identifier = "jsonl"
  public static let summary = "One JSON object per finding, one per line."

  public init() {}

  /// U+2028 and U+2029 are written escaped, so no tool splits a record at them.
  public func render(_ report: Report) -> String {
    var w = JSONWriter(pretty: false, escapeLineSeparators: true)
    for (n, finding) in report.findings.enumerated() {
      if n > 0 { w.newlineBetweenRecords() }
      w.finding(finding)
    }
    return w.text
  }
}
