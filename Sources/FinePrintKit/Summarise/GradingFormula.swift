/// The grade of a set of terms, from the findings alone, by a published formula adapted from
/// ToS;DR's: every distinct protection rule found is a good point, every distinct risk rule a bad
/// point, or a blocker when its severity is error (rules split from one rule, sharing its ID as
/// their first alias, count as that one rule); then
///
///     balance = good − bad − 3 × blockers
///     E  when balance ≤ −10 or blockers > good
///     D  when blockers ≥ 3 or bad > good
///     C  when balance < 5
///     B  when there is any bad point
///     A  otherwise
///
/// Readability findings (category `plain-language`) are reported beside the grade, not in it.
/// No grade is given when the document is too short to judge or nothing in it could be
/// assessed. The version changes whenever the formula or the way points are counted does.
public enum GradingFormula {
  public static let version = "fineprint-grade/1"
  public static let description =
    "points are distinct rules found; balance = good − bad − 3 × blockers (risks of severity error); "
    + "E when balance ≤ −10 or blockers > good; D when blockers ≥ 3 or bad > good; C when balance < 5; "
    + "B when any bad point; else A"
  /// Fewer words than this and a grade would mean nothing.
  public static let minimumWords = 80

  /// The grade and the rule of the formula that decided it.
  public static func grade(_ points: Summary.PointCounts) -> (grade: String, reason: String) {
    let (good, bad, blockers, balance) = (points.good, points.bad, points.blockers, points.balance)
    if balance <= -10 { return ("E", "balance \(balance) ≤ −10") }
    if blockers > good {
      return ("E", "\(blockers) \(English.plural(blockers, "blocker")) > \(good) good \(English.plural(good, "point"))")
    }
    if blockers >= 3 { return ("D", "\(blockers) blockers ≥ 3") }
    if bad > good { return ("D", "\(bad) bad \(English.plural(bad, "point")) > \(good) good \(English.plural(good, "point"))") }
    if balance < 5 { return ("C", "balance \(balance) < 5") }
    if bad > 0 { return ("B", "\(bad) bad \(English.plural(bad, "point"))") }
    return ("A", "no bad points, balance \(balance)")
  }

  /// Why a grade cannot be given, if it cannot.
  public static func withheld(words: Int, points: Summary.PointCounts) -> String? {
    if words < minimumWords {
      return "only \(words) \(English.plural(words, "word")) could be read; a grade needs at least \(minimumWords)"
    }
    if points.good + points.bad + points.blockers == 0 {
      return "no rule recognised anything in these terms, so FinePrint cannot judge them"
    }
    return nil
  }

}
