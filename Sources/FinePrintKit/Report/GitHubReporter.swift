/// `--format github`: GitHub Actions workflow commands, so findings appear as annotations on the
/// pull request. GitHub shows at most 10 annotations of each kind per step (50 per job) and
/// drops the rest silently, so the most severe come first (risks before protections), and when
/// some are left out, at most 9 notices are written and the 10th says how many were left out.
/// The job summary (`$GITHUB_STEP_SUMMARY`) gets the table of findings, within GitHub's 1 MiB.
public struct GitHubReporter: Reporter {
  public static let identifier = "github"
  public static let summary = "GitHub Actions annotations (::error file=…,line=…::…), most severe first."

  /// Annotations GitHub shows per kind in one step.
  public static let perKindLimit = 10
  /// The most bytes GitHub accepts in a step's job summary; a larger one is dropped whole.
  public static let stepSummaryLimit = 1_048_576

  public init() {}

  public func render(_ report: Report) -> String {
    // A rule that repeats its point through one section is one annotation naming its extent, so
    // the ten GitHub shows are ten points, not ten sentences of one arbitration clause.
    let runs = report.files.flatMap { FindingRun.runs($0.findings) }
    let ordered = runs.enumerated().sorted { a, b in
      let (x, y) = (a.element.first, b.element.first)
      if x.severity != y.severity { return x.severity > y.severity }
      if x.isProtection != y.isProtection { return !x.isProtection }
      return a.offset < b.offset
    }.map(\.element)
    let count = { (s: Severity) in ordered.filter { $0.first.severity == s }.count }
    // Errors and warnings beyond 10, or notices beyond 10, leave findings out: the notice that
    // says so takes the 10th notice's place, so GitHub shows it.
    let overflow = count(.error) > Self.perKindLimit || count(.warning) > Self.perKindLimit || count(.info) > Self.perKindLimit
    let limits: [Severity: Int] = [
      .error: Self.perKindLimit, .warning: Self.perKindLimit,
      .info: overflow ? Self.perKindLimit - 1 : Self.perKindLimit,
    ]
    var shown: [Severity: Int] = [:]
    var lines: [String] = []
    var left: [Severity: Int] = [:]
    for run in ordered {
      let f = run.first
      guard shown[f.severity, default: 0] < limits[f.severity]! else {
        left[f.severity, default: 0] += run.findings.count
        continue
      }
      shown[f.severity, default: 0] += 1
      let kind = f.severity == .error ? "error" : f.severity == .warning ? "warning" : "notice"
      let properties = [
        "file=\(Self.property(f.file))", "line=\(f.line)", "col=\(f.column)", "endLine=\(f.endLine)",
        "endColumn=\(f.endColumn)", "title=\(Self.property("FinePrint \(f.rule)"))",
      ].joined(separator: ",")
      let words = f.match.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      let extent = run.extent.map { " (\($0))" } ?? ""
      lines.append("::\(kind) \(properties)::\(Self.data(f.message + " — \"" + words + "\"" + extent))")
    }
    let total = left.values.reduce(0, +)
    if total > 0 {
      let parts = Severity.allCases.reversed().compactMap { s in left[s].map { "\($0) \(s.rawValue)" } }.joined(separator: ", ")
      lines.append(
        "::notice title=FinePrint::\(total) more \(English.plural(total, "finding")) (\(parts)) not shown as "
          + "annotations: GitHub shows \(Self.perKindLimit) of each kind per step. See the job summary or the SARIF report.")
    }
    return lines.joined(separator: "\n")
  }

  /// The Markdown table for the job summary, within GitHub's limit when the summary file
  /// already holds `existingBytes` (other steps' output); nil when there is no room for it.
  public static func stepSummary(_ report: Report, existingBytes: Int = 0) -> String? {
    // The newline written after the table counts too.
    let room = stepSummaryLimit - existingBytes - 1
    guard room >= 1024 else { return nil }
    return MarkdownReporter(maxBytes: room, limitReason: "GitHub's 1 MiB limit for a job summary").render(report)
  }

  /// Escapes a message as the Actions toolkit does (`%`, CR, LF).
  static func data(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  /// Escapes a property value (also `:` and `,`).
  static func property(_ text: String) -> String {
    data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }
}

extension GitHubReporter {
  public init(options: ReportOptions) {
    self.init()
  }
}
