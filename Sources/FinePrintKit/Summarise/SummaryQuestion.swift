/// A question a careful reader asks of a set of terms, and what in the findings answers it.
/// The table below is the whole of what `fineprint summarize` asks; the evidence names taxonomy
/// categories, rule IDs and the facts of `Rules/lexicons/summary.yml`.
public struct SummaryQuestion: Sendable {
  /// What in a document says "yes" or "no": clause findings of these categories or rules, or
  /// these facts. Document-level findings (something looked for and absent) are silence, not
  /// an answer.
  public struct Evidence: Sendable {
    public var categories: [String] = []
    public var rules: [String] = []
    public var facts: [String] = []
    /// Every `data-kind-…` fact.
    public var dataKinds = false
    /// Rules of those categories that do not count.
    public var except: [String] = []

    /// Whether a finding counts: a clause finding of one of the categories or rules.
    public func matches(_ finding: Finding) -> Bool {
      !finding.documentLevel && !except.contains(finding.rule)
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

  /// The questions, in the order a summary asks them.
  public static let all: [SummaryQuestion] = [
    .init(id: "data-taken", question: "What data do they take?",
          yes: Evidence(dataKinds: true), yesText: "They name",
          notStatedText: "The terms do not say what data they collect."),
    .init(id: "uses", question: "May they use it to train AI, make a synthetic copy of you, or for any purpose?",
          yes: Evidence(categories: ["ai-training"], rules: ["any-purpose", "bundled-consent"]), concern: .yes,
          yesText: "", notStatedText: "The terms name no such use."),
    .init(id: "shared-with-others", question: "Is your data sold, licensed or shared with others?",
          yes: Evidence(categories: ["third-party-resale", "deidentified-data"]),
          // A promise about one item (an email address) is not a promise about your data.
          no: Evidence(categories: ["no-sale"], except: ["one-datum-kept-private"]), whenBoth: .yes, concern: .yes,
          yesText: "", noText: "They promise not to sell or share it",
          notStatedText: "The terms do not say whether others get your data."),
    .init(id: "withdraw-or-delete", question: "Can you withdraw your consent or have your data deleted?",
          // An explicit right to withdraw, stop or delete. An ad network's opt-out page stops its
          // ads, not this company's use of your data: no-way-to-withdraw does not count it either.
          yes: Evidence(categories: ["revocation-right"], facts: ["fact-withdrawal-route"],
                        except: ["opt-out", "opt-out-industry-page", "opt-out-network-page"]),
          // An opt-out (of newsletters, of ads) is a way out unless another clause keeps the data.
          weakYes: Evidence(rules: ["opt-out"]),
          // Withdrawal that keeps what was already collected or used.
          // (Not an irrevocable licence to content: that is a "no" only where there is no way out.)
          partly: Evidence(rules: ["deletion-impossible", "data-kept-after-withdrawal"],
                           facts: ["fact-models-keep-your-data", "fact-consent-irrevocable"]),
          // A perpetual licence alone does not take back an explicit right to withdraw or delete.
          no: Evidence(categories: ["perpetual-license"], rules: ["irrevocable-consent", "deletion-impossible"]),
          whenBoth: .yes, concern: .no, silenceIsConcern: true,
          yesText: "", noText: "Not fully: some rights or data stay with them",
          partlyText: "Partly: you can withdraw, but what they already have stays with them",
          notStatedText: "The terms give no way to withdraw consent or delete your data."),
    .init(id: "deletion-reaches-models", question: "Does deletion reach AI models already trained on your data?",
          yes: Evidence(facts: ["fact-models-forget-your-data"]), no: Evidence(facts: ["fact-models-keep-your-data"]),
          whenBoth: .no, concern: .no,
          yesText: "They say they remove it from models or training data",
          noText: "What was built from your data stays",
          notStatedText: "The terms do not say whether deleting your data reaches trained models."),
    .init(id: "retention-limit", question: "Is there a limit on how long they keep it?",
          yes: Evidence(facts: ["fact-retention-limit"]), no: Evidence(categories: ["data-retention"]),
          whenBoth: .no, concern: .no, silenceIsConcern: true,
          yesText: "A period is stated", noText: "",
          notStatedText: "The terms do not say how long they keep your data."),
    .init(id: "court", question: "Can you take them to court?",
          yes: Evidence(facts: ["fact-court-allowed"]), no: Evidence(categories: ["waived-litigation"]),
          whenBoth: .no, concern: .no,
          yesText: "", noText: "",
          notStatedText: "The terms do not limit your right to go to court."),
    .init(id: "forum", question: "Must disputes be heard far from you, or under a law they chose?",
          yes: Evidence(categories: ["jurisdiction", "choice-of-law"]), concern: .yes,
          yesText: "", notStatedText: "The terms name no court or governing law."),
    .init(id: "unilateral-change", question: "Can they change the terms, the service or your pay on their own?",
          yes: Evidence(categories: ["unilateral-change"], rules: ["vague-payment"]), concern: .yes,
          yesText: "", notStatedText: "The terms do not say they can change them on their own."),
    .init(id: "termination", question: "Can they close your account or remove your content on their own?",
          yes: Evidence(categories: ["unilateral-termination", "content-removal"]), concern: .yes,
          yesText: "", notStatedText: "The terms do not say."),
    .init(id: "payment", question: "How and how much are you paid?",
          yes: Evidence(categories: ["clear-compensation"], facts: ["fact-payment-amount"]),
          no: Evidence(categories: ["compensation"]), whenBoth: .no, concern: .no,
          yesText: "The pay is stated", noText: "",
          notStatedText: "The terms say nothing about payment."),
  ]
}
