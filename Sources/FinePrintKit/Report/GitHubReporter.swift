/// `--format github`: GitHub Actions workflow commands, so findings appear as annotations on the
/// pull request. GitHub shows at most 10 annotations of each kind per step (50 per job) and
/// drops the rest silently, so the most severe come first, the number left out is said, and
/// the whole table goes to `$GITHUB_STEP_SUMMARY` when it is set.
public struct GitHubReporter: Reporter {
  public static let identifier = "github"
  public static let summary = "GitHub Actions annotations (::error file=…,line=…::…), most severe first."

  /// Annotations GitHub shows per kind in one step.
  public static let perKindLimit = 10

  public init() {}

  public func render(_ report: Report) -> String {
    let ordered = report.findings.enumerated().sorted { a, b in
      a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
    }.map(\.element)
    var shown: [Severity: Int] = [:]
    var lines: [String] = []
    var left = 0
    for f in ordered {
      guard shown[f.severity, default: 0] < Self.perKindLimit else {
        left += 1
        continue
      }
      shown[f.severity, default: 0] += 1
      let kind = f.severity == .error ? "error" : f.severity == .warning ? "warning" : "notice"
      let properties = [
        "file=\(Self.property(f.file))", "line=\(f.line)", "col=\(f.column)", "endLine=\(f.endLine)",
        "endColumn=\(f.endColumn)", "title=\(Self.property("FinePrint \(f.rule)"))",
      ].joined(separator: ",")
      let words = f.match.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      lines.append("::\(kind) \(properties)::\(Self.data(f.message + " — \"" + words + "\""))")
    }
    if left > 0 {
      lines.append("::notice title=FinePrint::\(left) more findings are not shown as annotations (GitHub shows \(Self.perKindLimit) of each kind per step); see the job summary or the SARIF report.")
    }
    return lines.joined(separator: "\n")
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
