/// A category FinePrint reports (../shared/taxonomy.md). The IDs are public interface: JSON,
/// SARIF and the evaluation scripts read them, so they never change meaning.
public struct Category: Hashable, Sendable {
  public enum Polarity: String, Sendable, Codable {
    /// Bad for the person whose data or rights are at stake.
    case risk
    /// Good for them: a promise the terms make.
    case protection
  }

  public var id: String
  public var polarity: Polarity
  /// What the category flags, in a few words, for rule listings and summaries.
  public var summary: String

  /// Every category, in the order of the taxonomy.
  public static let all: [Category] = [
    .init(id: "vague-consent", polarity: .risk, summary: "consent that is implied, blanket or open-ended"),
    .init(id: "third-party-resale", polarity: .risk, summary: "personal data sold, licensed or shared with third parties"),
    .init(id: "waived-litigation", polarity: .risk, summary: "arbitration, class-action or jury waivers, releases"),
    .init(id: "missing-revocation", polarity: .risk, summary: "no way to withdraw consent, delete data or opt out"),
    .init(id: "unilateral-change", polarity: .risk, summary: "terms, service or pay changed at will"),
    .init(id: "unilateral-termination", polarity: .risk, summary: "account or agreement ended at will"),
    .init(id: "content-removal", polarity: .risk, summary: "your content removed at their discretion"),
    .init(id: "jurisdiction", polarity: .risk, summary: "disputes heard in a court far from you"),
    .init(id: "choice-of-law", polarity: .risk, summary: "a law chosen by the provider governs"),
    .init(id: "limitation-of-liability", polarity: .risk, summary: "the provider excludes or caps its liability"),
    .init(
      id: "perpetual-license", polarity: .risk, summary: "a perpetual, irrevocable licence to your content, voice or likeness"),
    .init(id: "ai-training", polarity: .risk, summary: "your data used to train AI or build synthetic replicas"),
    .init(id: "biometric-data", polarity: .risk, summary: "biometric identifiers collected or used"),
    .init(id: "data-retention", polarity: .risk, summary: "data kept indefinitely or after deletion"),
    .init(id: "deidentified-data", polarity: .risk, summary: "\"anonymised\" or aggregated data shared onward"),
    .init(id: "international-transfer", polarity: .risk, summary: "data transferred to other countries"),
    .init(id: "compensation", polarity: .risk, summary: "payment vague, conditional or changeable at will"),
    .init(id: "revocation-right", polarity: .protection, summary: "you may withdraw consent, delete data or opt out"),
    .init(id: "no-sale", polarity: .protection, summary: "a promise not to sell or share personal data"),
    .init(id: "selective-sharing", polarity: .protection, summary: "you choose which data to share"),
    .init(id: "security-commitment", polarity: .protection, summary: "stated security measures or breach notice"),
    .init(id: "clear-compensation", polarity: .protection, summary: "stated amount, schedule and conditions of payment"),
    .init(id: "plain-language", polarity: .risk, summary: "clauses that are hard to read"),
  ]

  private static let byID: [String: Category] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

  /// The category with this ID, or nil when the taxonomy has none.
  public static func named(_ id: String) -> Category? { byID[id] }
}
