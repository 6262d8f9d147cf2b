/// One line of `fineprint classify` output: the passage's ID, the categories found in it, and
/// the findings behind them.
public struct ClassificationRecord: Codable, Sendable {
  public struct Hit: Codable, Sendable {
    public var rule: String
    public var category: String
    public var severity: Severity
    public var match: String
  }

  public var id: String
  public var categories: [String]
  public var findings: [Hit]

  public init(id: String, findings: [Finding]) {
    self.id = id
    var seen: [String] = []
    for f in findings where !seen.contains(f.category) { seen.append(f.category) }
    categories = seen
    self.findings = findings.map { Hit(rule: $0.rule, category: $0.category, severity: $0.severity, match: $0.match) }
  }
}
