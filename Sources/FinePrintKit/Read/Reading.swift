/// Who does what in the part of a clause where a rule matched: the actor, the modality of the
/// statement and whether it is negated. `fineprint explain` prints it; rules constrain it.
public struct Reading: Sendable, Hashable {
  /// The party the clause makes the actor; nil when the clause does not say (a passive "your
  /// data may be shared", a noun phrase the reader does not know as a party).
  public var actor: Party?
  public var modality: Modality
  /// A negation stands between the actor and the action ("we will not", "you may never").
  public var negated: Bool
  /// Token indices (into the clause's tokens) of the words that named the actor, if any.
  public var actorTokens: ClosedRange<Int>?
  /// Token indices of the modal words ("may", "reserves the right to", "will not"), if any.
  public var modalTokens: ClosedRange<Int>?

  public init(
    actor: Party? = nil, modality: Modality = .statement, negated: Bool = false,
    actorTokens: ClosedRange<Int>? = nil, modalTokens: ClosedRange<Int>? = nil
  ) {
    self.actor = actor
    self.modality = modality
    self.negated = negated
    self.actorTokens = actorTokens
    self.modalTokens = modalTokens
  }

  /// "actor reader, power, negated" — for explanations.
  public var summary: String {
    "actor \(actor?.rawValue ?? "not stated"), \(modality.rawValue)" + (negated ? ", negated" : "")
  }
}
