/// A promise and the kind of clause that takes it back ("they promise not to share your data,
/// but another clause lets others have it"): when both are found, a summary quotes the two.
/// Written in `Rules/summary/contradictions.yml`.
public struct SummaryContradiction: Sendable {
  public var promise: SummaryQuestion.Evidence
  public var exception: SummaryQuestion.Evidence
  /// What the reader is told when both stand.
  public var explanation: String
  public var location: RuleFileLocation?
}
