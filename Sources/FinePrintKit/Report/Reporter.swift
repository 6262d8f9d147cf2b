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
}

/// Renders a report in one output format. A new format is one new type in `Report/`.
public protocol Reporter: Sendable {
  /// The name `--format` takes.
  static var identifier: String { get }
  /// One sentence for `--help`.
  static var summary: String { get }
  func render(_ report: Report) -> String
}
