import Foundation

/// Finds the facts a summary reports but no rule flags: the kinds of data a document names
/// (lexicons `data-kind-…`) and statements the questions look for (lexicons `fact-…`), both
/// defined in `Rules/lexicons/summary.yml` so that they can be changed without Swift.
public struct FactFinder: Sendable {
  /// One fact found in a clause.
  public struct Fact: Sendable, Hashable {
    /// The lexicon's name (`data-kind-voice`, `fact-retention-limit`).
    public var name: String
    /// Index of the clause in the document's clause list.
    public var clause: Int
    /// Byte range of the matched words in the document's text.
    public var range: Range<Int>
  }

  public static let dataKindPrefix = "data-kind-"
  public static let factPrefix = "fact-"
  /// A fact named `fact-…-heading` is looked for in headings only ("How to withdraw", "How do I
  /// delete my data?"), every other one in the clauses under them only.
  public static let headingSuffix = "-heading"
  /// A lexicon `unless-fact-NAME` cancels `fact-NAME` in any clause that holds one of its phrases.
  public static let exceptionPrefix = "unless-"

  let engine: RuleEngine
  /// The facts looked for in headings (by rule index), and whether there is any.
  let headingFacts: Set<Int>
  var hasHeadingFacts: Bool { !headingFacts.isEmpty }
  /// "We do not keep it for 30 days" states no limit.
  static let factNegations = ["@negation ..3 {match}"]
  /// "We will not collect your location" names a kind of data they do not take.
  static let dataKindNegations = [
    "@negation ..3 {match}",
    "@negation ..2 (collect+ | record+ | gather+ | store+ | capture+ | obtain+ | request+ | ask+ | access+ | use+ | process+) ..20 {match}",
  ]

  /// Compiles every `data-kind-…` and `fact-…` lexicon of `ruleSet` (a negation just before a
  /// fact cancels it), or takes them from `cache`.
  /// - Throws: `RuleLoadError` when a lexicon's pattern is malformed.
  public init(ruleSet: RuleSet, cache: RuleCache = RuleCache(directory: nil)) throws {
    var facts = RuleSet()
    let lexicons = ruleSet.lexicons.filter { $0.name.hasPrefix(Self.dataKindPrefix) || $0.name.hasPrefix(Self.factPrefix) }
    let names = Set(ruleSet.lexicons.map(\.name))
    let rules = lexicons.map { lexicon in
      let (name, location) = (lexicon.name, lexicon.location)
      let exception = Self.exceptionPrefix + name
      let exceptions = names.contains(exception) ? ["@" + exception] : []
      return RuleDefinition(
        id: name, category: "summary", severity: .info, title: name, message: name, explanation: "", references: [],
        suggestion: "", scope: .clause, patterns: [PatternSource(text: "@" + name, location: location)],
        with: name.hasPrefix(Self.dataKindPrefix)
          ? ["@data-collection", "@data-subject"].map { PatternSource(text: $0, location: location) } : [],
        unless: ((name.hasPrefix(Self.factPrefix) ? Self.factNegations : Self.dataKindNegations) + exceptions).map {
          PatternSource(text: $0, location: location)
        },
        when: [], requires: nil, reportAt: [], metric: nil, flagExamples: [], passExamples: [], aliases: [],
        location: location)
    }
    try facts.add(rules: rules, lexicons: ruleSet.lexicons)
    let engine = try cache.engine(ruleSet: facts)
    self.engine = engine
    headingFacts = Set(engine.ruleSet.rules.indices.filter { engine.ruleSet.rules[$0].id.hasSuffix(Self.headingSuffix) })
  }

  /// The facts in each clause of a document (headings name topics, not terms: only the
  /// `fact-…-heading` facts are looked for there).
  public func facts(in document: Document, clauses: [Clause]) -> [Fact] {
    var out: [Fact] = []
    var scratch = RuleEngine.MatchScratch()
    for (index, clause) in clauses.enumerated() {
      let heading = clause.kind == .heading
      if heading && !hasHeadingFacts { continue }
      let tokens = engine.tokenizer.tokens(in: document.bytes, range: clause.range)
      guard !tokens.isEmpty else { continue }
      for hit in engine.match(tokens[...], bytes: document.bytes, scratch: &scratch).hits
      where headingFacts.contains(hit.rule) == heading {
        out.append(
          Fact(
            name: engine.ruleSet.rules[hit.rule].id, clause: index,
            range: tokens[hit.start].range.lowerBound..<tokens[hit.end].range.upperBound))
      }
    }
    return out
  }

  /// A data kind's name as readers see it: `data-kind-face-and-likeness` → "face and likeness".
  public static func label(ofDataKind name: String) -> String {
    String(name.dropFirst(dataKindPrefix.count)).replacingOccurrences(of: "-", with: " ")
  }
}
