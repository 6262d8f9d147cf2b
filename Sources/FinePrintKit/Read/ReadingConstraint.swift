/// What a rule needs of the reading of its match, as its rule file states it:
///
/// ```yaml
/// actor: provider              # a power of theirs, not a right or a duty of yours
/// modality: [power, statement] # optional: which kinds of statement count
/// ```
///
/// `actor: provider` rejects a match whose actor is the reader ("you may close your account at
/// any time" is your right, not their power); a match whose actor is not stated (a passive "your
/// data may be shared") or someone else stands. `actor: reader` rejects a match whose actor is
/// the provider. `actor: any` (the default) accepts every actor.
public struct ReadingConstraint: Sendable, Hashable {
  public enum Actor: String, Sendable, CaseIterable {
    case provider, reader, any
  }

  public var actor: Actor = .any
  /// Empty: every modality counts.
  public var modalities: [Modality] = []

  public init(actor: Actor = .any, modalities: [Modality] = []) {
    self.actor = actor
    self.modalities = modalities
  }

  /// True when the constraint asks nothing: matching need not read the clause.
  public var isEmpty: Bool { actor == .any && modalities.isEmpty }

  /// Whether a match read as `reading` counts; when not, why.
  public func rejection(of reading: Reading) -> String? {
    switch actor {
    case .provider where reading.actor == .reader:
      return "the actor is the reader, and the rule needs the provider"
    case .reader where reading.actor == .provider:
      return "the actor is the provider, and the rule needs the reader"
    default: break
    }
    if !modalities.isEmpty && !modalities.contains(reading.modality) {
      return "the modality is \(reading.modality.rawValue), and the rule needs "
        + modalities.map(\.rawValue).joined(separator: " or ")
    }
    return nil
  }
}
