/// A question a careful reader asks of a set of terms, and what in the findings answers it.
/// The questions are data: one file each under `Rules/summary/` (`SummaryTables`); the evidence
/// names taxonomy categories, rule IDs and the facts of `Rules/lexicons/summary.yml`.
public struct SummaryQuestion: Sendable {
  /// What in a document says "yes" or "no": clause findings of these categories or rules, or
  /// these facts. Document-level findings (something looked for and absent) are silence, not
  /// an answer, unless the question names their rule: "pay promised, no amount anywhere" is the
  /// answer "vague", quoted where the promise is.
  public struct Evidence: Sendable {
    public var categories: [String] = []
    public var rules: [String] = []
    public var facts: [String] = []
    /// Every `data-kind-…` fact.
    public var dataKinds = false
    /// Rules of those categories that do not count.
    public var except: [String] = []
    /// Where the evidence is written.
    public var location: RuleFileLocation?

    /// Whether a finding counts: a clause finding of one of the categories or rules, or a
    /// document-level finding of one of the rules.
    public func matches(_ finding: Finding) -> Bool {
      if finding.documentLevel { return rules.contains(finding.rule) }
      return !except.contains(finding.rule)
        && (categories.contains(finding.category) || rules.contains(finding.rule))
    }

    /// Whether a fact counts.
    public func matches(_ fact: FactFinder.Fact) -> Bool {
      facts.contains(fact.name) || (dataKinds && fact.name.hasPrefix(FactFinder.dataKindPrefix))
    }
  }

  /// `partly`: the terms say yes, and another clause takes part of it back (you may withdraw,
  /// but what was already collected stays).
  public enum Verdict: String, Sendable { case yes, no, partly }

  public var id: String
  public var question: String
  public var yes: Evidence
  /// What says "yes" only when nothing says "no" or "partly" (an opt-out of newsletters is a way
  /// out only where no clause keeps the data or a licence to it).
  public var weakYes: Evidence = Evidence()
  /// What, beside a "yes", makes the answer `partly`; beside a weak "yes" it makes it "no".
  public var partly: Evidence = Evidence()
  public var no: Evidence = Evidence()
  /// Which answer stands when the terms say both: an exception usually takes a promise back.
  public var whenBoth: Verdict = .yes
  /// The answer that is bad news for the reader, if one is.
  public var concern: Verdict?
  /// Whether the terms' silence is bad news.
  public var silenceIsConcern = false
  public var yesText: String
  public var noText: String = ""
  public var partlyText: String = ""
  public var notStatedText: String
  /// Where the question is written.
  public var location: RuleFileLocation?
}

extension SummaryQuestion.Evidence {
  /// Whether nothing is named: evidence that can never be found.
  var isEmpty: Bool { categories.isEmpty && rules.isEmpty && facts.isEmpty && !dataKinds }
}
