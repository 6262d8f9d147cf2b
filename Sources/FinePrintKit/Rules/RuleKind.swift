/// The kind of check a rule is, each decided in one place that `lint` and `explain` share. A rule's
/// keys make its kind; `kind:` in the rule file may state it, and the loader refuses a rule whose
/// keys make it another kind (a `metric` forgotten on a `count` rule, `requires` on a pattern rule).
public enum RuleKind: String, Sendable, CaseIterable {
  /// Words matched in a clause: `patterns`, with `with` and `unless` (`RuleEngine.decide`).
  case patterns
  /// How many separate matches of its patterns a clause holds: `metric: {measure: matches}`
  /// (`RuleEngine.decide`).
  case count
  /// A measure of the whole clause: `metric` of `words`, `reading-ease` or `grade-level`, no
  /// patterns (`Linter.measure`).
  case readability
  /// Something the whole document must contain: `scope: document`, `requires`
  /// (`DocumentRuleEvaluator.verdict`).
  case requires

  /// What a rule of this kind needs, for the loader's error.
  var needs: String {
    switch self {
    case .patterns: return "'patterns' and no 'metric'"
    case .count: return "'patterns' and 'metric: {measure: matches}'"
    case .readability: return "a 'metric' of words, reading-ease or grade-level"
    case .requires: return "'scope: document' and 'requires'"
    }
  }
}

extension RuleDefinition {
  /// The kind of check this rule is, from its keys.
  public var kind: RuleKind {
    if scope == .document { return .requires }
    guard let metric else { return .patterns }
    return metric.measure == .matches ? .count : .readability
  }
}
