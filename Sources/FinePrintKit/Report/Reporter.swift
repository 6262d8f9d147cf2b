/// The findings of one run, for reporters: every linted document with its findings, in the
/// order the inputs were given.
public struct Report: Sendable {
  public struct FileResult: Sendable {
    public var path: String
    public var findings: [Finding]
    /// Findings inline suppressions silenced (SARIF reports them as suppressed).
    public var suppressed: [Finding]

    public init(path: String, findings: [Finding], suppressed: [Finding] = []) {
      self.path = path
      self.findings = findings
      self.suppressed = suppressed
    }
  }

  public var files: [FileResult]
  public var rules: RuleSet

  public init(files: [FileResult], rules: RuleSet) {
    self.files = files
    self.rules = rules
  }

  public var findings: [Finding] { files.flatMap(\.findings) }

  /// How many findings have this severity, counted in place: gathering or iterating the
  /// findings copied each one (and retained its strings).
  public func count(of severity: Severity) -> Int {
    var n = 0
    for f in files.indices {
      for i in files[f].findings.indices where files[f].findings[i].severity == severity { n += 1 }
    }
    return n
  }

  /// Whether a run fails at this exit threshold (`--fail-on`; nil for never): a risk at or
  /// above it. A protection never fails a run, whatever its severity.
  public func fails(at threshold: Severity?) -> Bool {
    guard let threshold else { return false }
    return files.contains { $0.findings.contains { !$0.isProtection && $0.severity >= threshold } }
  }
}

extension Finding {
  /// A protection: what the terms promise the reader (a category of polarity `protection`).
  public var isProtection: Bool { Category.named(category)?.polarity == .protection }
}

/// Renders a report in one output format. A new format is one new type in `Report/`, named in
/// `Reporters.all`.
public protocol Reporter: Sendable {
  /// The name `--format` takes.
  static var identifier: String { get }
  /// One sentence for `--help`.
  static var summary: String { get }
  /// The reporter as a run's options ask for it (`--color`, `--fail-on`, `--quiet`…).
  init(options: ReportOptions)
  func render(_ report: Report) -> String
  /// Writes the rendering to `output` in pieces (formats of large reports stream it; the
  /// others write `render(report)` at once). The bytes are those of `render`.
  /// - Throws: what `output` throws.
  func write(_ report: Report, to output: ReportOutput) throws
  /// What the reader of standard error should know about the rendering (what a format's
  /// limits cut), one line each.
  func warnings(for report: Report) -> [String]
}

extension Reporter {
  public func warnings(for report: Report) -> [String] { [] }

  public func write(_ report: Report, to output: ReportOutput) throws {
    try output.write(Array(render(report).utf8))
  }
}

/// What a run asks of its reporters.
public struct ReportOptions: Sendable {
  /// ANSI colours (text on a terminal).
  public var color: Bool
  /// Protections in text output.
  public var showProtections: Bool
  /// The exit threshold (`--fail-on`; nil for never): formats that speak of failures
  /// (JUnit) fail what fails the run.
  public var failOn: Severity?
  /// `--quiet`: only the findings (text leaves out its closing total).
  public var quiet: Bool

  public init(color: Bool = false, showProtections: Bool = true, failOn: Severity? = .warning, quiet: Bool = false) {
    self.color = color
    self.showProtections = showProtections
    self.failOn = failOn
    self.quiet = quiet
  }
}
