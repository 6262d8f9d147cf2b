/// `--format markdown`: a table for a pull-request comment or a job summary.
public struct MarkdownReporter: Reporter {
  public static let identifier = "markdown"
  public static let summary = "A Markdown table, for pull-request comments and job summaries."

  /// The most bytes (UTF-8) the table may take, or nil for no limit. When every row does
  /// not fit, the most severe rows are kept (risks before protections), in document order,
  /// and a last line says how many were cut.
  public var maxBytes: Int?
  /// Why there is a limit, for the line that says what was cut.
  public var limitReason: String

  public init(maxBytes: Int? = nil, limitReason: String = "the size limit") {
    self.maxBytes = maxBytes
    self.limitReason = limitReason
  }

  public func render(_ report: Report) -> String {
    let all = report.findings
    var lines = [
      "### FinePrint: \(all.count) \(all.count == 1 ? "finding" : "findings") in \(report.files.count) \(report.files.count == 1 ? "file" : "files")",
      "",
    ]
    guard !all.isEmpty else { return (lines + ["No findings."]).joined(separator: "\n") }
    lines += ["| | Where | Rule | What it means | Words |", "|---|---|---|---|---|"]
    // A rule that repeats its point through one section is one row that names its extent.
    let runs = report.files.flatMap { FindingRun.runs($0.findings) }
    let rows = runs.map { run -> String in
      let f = run.first
      let icon = f.severity == .error ? "🔴" : f.severity == .warning ? "🟠" : "🟢"
      let extent = run.extent.map { " (\($0))" } ?? ""
      return
        "| \(icon) | `\(Self.cell(f.file)):\(f.line):\(f.column)` | `\(f.rule)` | \(Self.cell(f.message + extent)) | \(Self.cell(f.match)) |"
    }
    let size = { (lines: [String]) in lines.reduce(0) { $0 + $1.utf8.count + 1 } }
    guard let maxBytes, size(lines + rows) > maxBytes else { return (lines + rows).joined(separator: "\n") }
    // Room for the line that says what was cut (its numbers take at most 10 digits each).
    let note = { (cut: [Severity: Int]) -> String in
      let total = cut.values.reduce(0, +)
      let parts = Severity.allCases.reversed().map { "\(cut[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
      return "\n**\(total) more \(total == 1 ? "finding is" : "findings are") not shown** (\(parts)) to keep within "
        + "\(limitReason); the most severe are shown. The SARIF or JSON report has every finding."
    }
    var budget =
      maxBytes - size(lines) - note([.error: 1_000_000_000, .warning: 1_000_000_000, .info: 1_000_000_000]).utf8.count - 1
    let ranked = runs.indices.sorted { a, b in
      let (x, y) = (runs[a].first, runs[b].first)
      if x.isProtection != y.isProtection { return !x.isProtection }
      if x.severity != y.severity { return x.severity > y.severity }
      return a < b
    }
    var kept = Set<Int>()
    for i in ranked {
      let cost = rows[i].utf8.count + 1
      if cost > budget { break }
      budget -= cost
      kept.insert(i)
    }
    var cut: [Severity: Int] = [:]
    for i in runs.indices where !kept.contains(i) { cut[runs[i].first.severity, default: 0] += runs[i].findings.count }
    lines += runs.indices.filter(kept.contains).map { rows[$0] }
    lines.append(note(cut))
    return lines.joined(separator: "\n")
  }

  /// Text safe inside a table cell.
  static func cell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}

extension MarkdownReporter {
  public init(options: ReportOptions) {
    self.init()
  }
}
