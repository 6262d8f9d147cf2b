/// What kind of statement a clause makes about its actor's action.
public enum Modality: String, Sendable, CaseIterable, Codable {
  /// A power or a right: "may", "can", "reserves the right to", "is entitled to", "is free to".
  case power
  /// An obligation: "must", "shall", "agrees to", "is required to", "undertakes to".
  case duty
  /// A plain statement of fact or of what will happen: "we share", "we will share".
  case statement
}
