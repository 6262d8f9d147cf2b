/// What a rule needs of the reading of its match, as its rule file states it:
///
/// ```yaml
/// actor: provider              # a power of theirs, not a right or a duty of yours
/// modality: [power, statement] # optional: which kinds of statement count
/// ```
///
/// `not_when: [reader power]` drops a match whose reading is one of these pairs: "you may choose
/// arbitration instead of court" is an option of yours, while "you agree to arbitration" (reader,
/// duty) is still a waiver.
///
/// `actor: provider` rejects a match whose actor is the reader ("you may close your account at
/// any time" is your right, not their power); a match whose actor is not stated (a passive "your
/// data may be shared") or someone else stands. `actor: reader` rejects a match whose actor is
/// the provider. `actor: any` (the default) accepts every actor.
public struct ReadingConstraint: Sendable, Hashable {
  public enum Actor: String, Sendable, CaseIterable {
    case provider, reader, any
  }

  /// A reading a rule does not count, as `not_when: [reader power]` states it: an actor
  /// (`provider`, `reader`, `other`, `unstated` or `any`) and a modality (or `any`).
  public struct Excluded: Sendable, Hashable, CustomStringConvertible {
    /// Which actors: `any`, or one actor (`nil` inside: not stated).
    public var actor: Party??
    /// Which modality: `nil` is any.
    public var modality: Modality?

    public init?(_ text: String) {
      let parts = text.split(separator: " ").map(String.init)
      guard parts.count == 2 else { return nil }
      switch parts[0] {
      case "any": actor = nil
      case "unstated": actor = .some(nil)
      default:
        guard let party = Party(rawValue: parts[0]) else { return nil }
        actor = .some(party)
      }
      if parts[1] == "any" {
        modality = nil
      } else {
        guard let parsed = Modality(rawValue: parts[1]) else { return nil }
        modality = parsed
      }
    }

    public static let actors = Party.allCases.map(\.rawValue) + ["unstated", "any"]
    public static let modalities = Modality.allCases.map(\.rawValue) + ["any"]

    /// A negated reading never matches the reader's or the provider's: "you may not opt out of
    /// arbitration" is a prohibition, not the option `reader power` describes. Someone else's
    /// action is theirs, negated or not: "partners are required not to share it" is no promise
    /// of the provider's (`other any`).
    public func matches(_ reading: Reading) -> Bool {
      (!reading.negated || actor == .some(.other)) && (actor.map { $0 == reading.actor } ?? true)
        && (modality.map { $0 == reading.modality } ?? true)
    }

    public var description: String {
      let who = actor.map { $0?.rawValue ?? "unstated" } ?? "any"
      return "\(who) \(modality?.rawValue ?? "any")"
    }
  }

  public var actor: Actor = .any
  /// Empty: every modality counts.
  public var modalities: [Modality] = []
  /// Readings that do not count ("you may choose arbitration" is an option of yours, not a waiver).
  public var excluded: [Excluded] = []

  public init(actor: Actor = .any, modalities: [Modality] = [], excluded: [Excluded] = []) {
    self.actor = actor
    self.modalities = modalities
    self.excluded = excluded
  }

  /// True when the constraint asks nothing: matching need not read the clause.
  public var isEmpty: Bool { actor == .any && modalities.isEmpty && excluded.isEmpty }

  /// Whether a match read as `reading` counts; when not, why.
  public func rejection(of reading: Reading) -> String? {
    switch actor {
    case .provider where reading.actor == .reader:
      return "the actor is the reader, and the rule needs the provider (actor: provider)"
    case .reader where reading.actor == .provider:
      return "the actor is the provider, and the rule needs the reader (actor: reader)"
    default: break
    }
    if let excluded = excluded.first(where: { $0.matches(reading) }) {
      return "the reading is \(excluded), which the rule does not count (not_when)"
    }
    if !modalities.isEmpty && !modalities.contains(reading.modality) {
      return "the modality is \(reading.modality.rawValue), and the rule needs "
        + modalities.map(\.rawValue).joined(separator: " or ")
    }
    return nil
  }
}
