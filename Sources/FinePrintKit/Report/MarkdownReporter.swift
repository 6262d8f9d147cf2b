/// `--format markdown`: a table for a pull-request comment or a job summary.
public struct MarkdownReporter: Reporter {
  public static let identifier = "markdown"
  public static let summary = "A Markdown table, for pull-request comments and job summaries."

  public init() {}

  public func render(_ report: Report) -> String {
    let all = report.findings
    var lines = ["### FinePrint: \(all.count) \(all.count == 1 ? "finding" : "findings") in \(report.files.count) \(report.files.count == 1 ? "file" : "files")", ""]
    guard !all.isEmpty else { return (lines + ["No findings."]).joined(separator: "\n") }
    lines += ["| | Where | Rule | What it means | Words |", "|---|---|---|---|---|"]
    for f in all {
      let icon = f.severity == .error ? "🔴" : f.severity == .warning ? "🟠" : "🟢"
      lines.append("| \(icon) | `\(Self.cell(f.file)):\(f.line):\(f.column)` | `\(f.rule)` | \(Self.cell(f.message)) | \(Self.cell(f.match)) |")
    }
    return lines.joined(separator: "\n")
  }

  /// Text safe inside a table cell.
  static func cell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}
