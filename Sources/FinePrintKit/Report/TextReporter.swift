/// `--format text`: what a person reads in a terminal. Each finding as
/// `file:line:column: severity: message [rule]`, then the clause with the matched words
/// marked, then a one-line total.
public struct TextReporter: Reporter {
  public static let identifier = "text"
  public static let summary = "For people: file:line:column, severity, message and rule, the clause with the match marked."

  /// Whether to use ANSI colours (see `ColorChoice`).
  public var color: Bool
  /// Whether to show protections (findings of protection categories) too.
  public var showProtections: Bool
  /// Whether to end with the count of findings (not under `--quiet`).
  public var showTotal: Bool

  public init(color: Bool = false, showProtections: Bool = true, showTotal: Bool = true) {
    self.color = color
    self.showProtections = showProtections
    self.showTotal = showTotal
  }

  private func shown(_ f: Finding) -> Bool {
    showProtections || Category.named(f.category)?.polarity != .protection
  }

  private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

  public func render(_ report: Report) -> String {
    var lines: [String] = []
    for file in report.files {
      // A section that repeats a point is one entry with its extent; readability notes are one
      // entry per rule for the whole document, at the first clause.
      for run in FindingRun.runs(file.findings.filter(shown)) {
        let f = run.first
        if FindingRun.isReadabilityNote(f) && run.findings.count > 1 {
          lines.append(
            "\(f.file):\(f.line):\(f.column): \(paint("info", "1;32")): \(run.findings.count) clauses: \(f.message) [\(f.rule)]")
          lines.append("    first: " + marked(f))
          continue
        }
        let severity: String
        switch f.severity {
        case .error: severity = paint("error", "1;31")
        case .warning: severity = paint("warning", "1;33")
        case .info: severity = paint("info", "1;32")
        }
        lines.append("\(f.file):\(f.line):\(f.column): \(severity): \(f.message) [\(f.rule)]")
        lines.append("    " + marked(f))
        if let extent = run.extent { lines.append("    … " + extent) }
      }
    }
    // Counted in place: gathering the findings shown (all of them, then a filtered copy)
    // copied every one twice, a large run's peak of memory.
    var shownCount = 0
    var bySeverity: [Severity: Int] = [:]
    var protections = 0
    for file in report.files {
      for i in file.findings.indices where shown(file.findings[i]) {
        shownCount += 1
        bySeverity[file.findings[i].severity, default: 0] += 1
        if Category.named(file.findings[i].category)?.polarity == .protection { protections += 1 }
      }
    }
    let count = { (s: Severity) in bySeverity[s] ?? 0 }
    let files = report.files.count
    let total =
      shownCount == 0
      ? "No findings in \(files) \(English.plural(files, "file"))."
      : "\(shownCount) \(English.plural(shownCount, "finding")) in \(files) \(English.plural(files, "file")): "
        + "\(count(.error)) \(English.plural(count(.error), "error")), "
        + "\(count(.warning)) \(English.plural(count(.warning), "warning")), \(count(.info)) info"
        + (protections > 0 ? " (\(protections) of them protections)." : ".")
    if showTotal { lines.append(total) }
    return lines.joined(separator: "\n")
  }

  /// The clause with the matched words between » and « (or underlined in colour).
  func marked(_ f: Finding) -> String {
    let clause = Array(f.clause.utf8)
    let start = max(0, min(clause.count, f.textStart - f.clauseStart))
    let end = max(start, min(clause.count, f.textEnd - f.clauseStart))
    let before = String(decoding: clause[..<start], as: UTF8.self)
    let match = String(decoding: clause[start..<end], as: UTF8.self)
    let after = String(decoding: clause[end...], as: UTF8.self)
    let shown = color ? before + paint(match, "4;1") + after : before + "»" + match + "«" + after
    return shown.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}

extension TextReporter {
  public init(options: ReportOptions) {
    self.init(color: options.color, showProtections: options.showProtections, showTotal: !options.quiet)
  }
}
