/// Who a clause speaks of as doing something: the side that wrote the terms, the person asked to
/// accept them, or someone else (other users, partners, a buyer).
public enum Party: String, Sendable, CaseIterable, Codable {
  /// The company, study team, university or platform that wrote the terms ("we", "the Company").
  case provider
  /// The person the terms address ("you", "the participant", "the contributor", "User").
  case reader
  /// Anyone else: other users, other participants, third parties.
  case other
}
