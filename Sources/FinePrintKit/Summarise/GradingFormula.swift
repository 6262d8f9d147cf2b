/// The grade of a set of terms, from the findings alone, by a published formula written in
/// `Rules/summary/grade.yml` (adapted from ToS;DR's): every distinct protection rule found is a
/// good point, every distinct risk rule a bad point, or a blocker when its severity is error
/// (rules split from one rule, sharing its ID as their first alias, count as that one rule);
/// balance = good − bad − `blockerWeight` × blockers; the first grade whose conditions hold is
/// given. Readability findings (category `plain-language`) are reported beside the grade, not
/// in it. No grade is given when the document is too short to judge or nothing in it could be
/// assessed. The version changes whenever the formula or the way points are counted does.
public struct GradingFormula: Sendable {
  /// One test of the counts.
  public enum Condition: Sendable, Equatable {
    case balanceAtMost(Int)
    case balanceBelow(Int)
    case blockersAtLeast(Int)
    case badAtLeast(Int)
    case blockersMoreThanGood
    case badMoreThanGood

    /// The YAML keys, as `grade.yml` writes them.
    static let keys = [
      "balance_at_most", "balance_below", "blockers_at_least", "bad_at_least", "blockers_more_than_good",
      "bad_more_than_good",
    ]

    func holds(_ p: Summary.PointCounts) -> Bool {
      switch self {
      case .balanceAtMost(let n): return p.balance <= n
      case .balanceBelow(let n): return p.balance < n
      case .blockersAtLeast(let n): return p.blockers >= n
      case .badAtLeast(let n): return p.bad >= n
      case .blockersMoreThanGood: return p.blockers > p.good
      case .badMoreThanGood: return p.bad > p.good
      }
    }

    /// The condition in words ("balance ≤ −10").
    var text: String {
      switch self {
      case .balanceAtMost(let n): return "balance ≤ \(Self.signed(n))"
      case .balanceBelow(let n): return "balance < \(Self.signed(n))"
      case .blockersAtLeast(let n): return "blockers ≥ \(Self.signed(n))"
      case .badAtLeast(let n): return n == 1 ? "any bad point" : "bad ≥ \(Self.signed(n))"
      case .blockersMoreThanGood: return "blockers > good"
      case .badMoreThanGood: return "bad > good"
      }
    }

    /// Why it held, with the counts ("2 blockers > 1 good point").
    func reason(_ p: Summary.PointCounts) -> String {
      switch self {
      case .balanceAtMost(let n): return "balance \(p.balance) ≤ \(Self.signed(n))"
      case .balanceBelow(let n): return "balance \(p.balance) < \(Self.signed(n))"
      case .blockersAtLeast(let n): return "\(p.blockers) blockers ≥ \(Self.signed(n))"
      case .badAtLeast: return "\(p.bad) bad \(English.plural(p.bad, "point"))"
      case .blockersMoreThanGood:
        return "\(p.blockers) \(English.plural(p.blockers, "blocker")) > \(p.good) good \(English.plural(p.good, "point"))"
      case .badMoreThanGood:
        return "\(p.bad) bad \(English.plural(p.bad, "point")) > \(p.good) good \(English.plural(p.good, "point"))"
      }
    }

    /// A bound as the formula prints it, with a true minus sign.
    static func signed(_ n: Int) -> String { n < 0 ? "−\(-n)" : "\(n)" }
  }

  /// A grade and when it is given: when any of its conditions holds; with none, always.
  public struct Step: Sendable {
    public var grade: String
    /// What the grade means, in a few words ("avoid").
    public var meaning: String
    public var when: [Condition]
  }

  public var version: String
  /// How many bad points a blocker weighs in the balance.
  public var blockerWeight: Int
  /// Fewer words than this and a grade would mean nothing.
  public var minimumWords: Int
  /// The grades, tried in order.
  public var steps: [Step]
  public var location: RuleFileLocation?

  /// The counts of a document, weighed by this formula.
  public func points(good: Int, bad: Int, blockers: Int) -> Summary.PointCounts {
    Summary.PointCounts(good: good, bad: bad, blockers: blockers, blockerWeight: blockerWeight)
  }

  /// The formula in words, as a summary prints it.
  public var description: String {
    "points are distinct rules found; balance = good − bad − \(blockerWeight) × blockers (risks of severity error); "
      + steps.map { step in
        step.when.isEmpty ? "else \(step.grade)" : "\(step.grade) when " + step.when.map(\.text).joined(separator: " or ")
      }.joined(separator: "; ")
  }

  /// The grade and the rule of the formula that decided it.
  public func grade(_ points: Summary.PointCounts) -> (grade: String, reason: String) {
    for step in steps {
      if step.when.isEmpty { return (step.grade, "no bad points, balance \(points.balance)") }
      if let held = step.when.first(where: { $0.holds(points) }) { return (step.grade, held.reason(points)) }
    }
    return (steps.last?.grade ?? "?", "no grade of the formula applies")
  }

  /// What a grade means in words ("avoid").
  public func meaning(of grade: String) -> String {
    steps.first { $0.grade == grade }?.meaning ?? ""
  }

  /// Why a grade cannot be given, if it cannot.
  public func withheld(words: Int, points: Summary.PointCounts) -> String? {
    if words < minimumWords {
      return "only \(words) \(English.plural(words, "word")) could be read; a grade needs at least \(minimumWords)"
    }
    if points.good + points.bad + points.blockers == 0 {
      return "no rule recognised anything in these terms, so FinePrint cannot judge them"
    }
    return nil
  }
}
