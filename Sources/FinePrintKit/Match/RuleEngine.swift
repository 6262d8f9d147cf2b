/// All rules compiled into one matcher over token IDs. Build it once (`init(ruleSet:)`), then
/// match any number of clauses, from any number of threads: it is an immutable value.
public struct RuleEngine: Sendable {
  /// What a pattern of the main automaton is for.
  enum PatternRole: Sendable, Equatable {
    case primary(rule: Int)
    case when(rule: Int)
    case reportAt(rule: Int)
    case requires(rule: Int)
    /// A rule's `context`: a topic the rule's match must be read in.
    case context(rule: Int)
  }

  /// An `unless` pattern, split around `{match}` when it has one.
  struct UnlessCheck: Sendable {
    var source: PatternSource
    /// Aux pattern that must end at most `gapBefore` tokens before the match.
    var before: Int?
    var gapBefore: Int
    /// Aux pattern that must start at most `gapAfter` tokens after the match.
    var after: Int?
    var gapAfter: Int
    /// Aux pattern that cancels the match wherever it stands in the clause.
    var anywhere: Int?
    /// Aux pattern that cancels the match when it lies inside it (`{within} …`).
    var within: Int?
  }

  /// The per-rule checks run only on clauses where the rule's patterns matched.
  struct RuleChecks: Sendable {
    /// Held by reference: the checks of a rule are read for every clause it matches, and a copy
    /// of the automaton retained each of its tables.
    final class SharedAutomaton: Sendable {
      let automaton: TokenAutomaton
      init(_ automaton: TokenAutomaton) { self.automaton = automaton }

      /// Runs the automaton in place (reading it through the optional copied the struct).
      func run(
        _ tokens: ArraySlice<Token>, scratch: inout TokenAutomaton.Scratch, text: (Int) -> String,
        onMatch: (TokenAutomaton.Match) -> Void
      ) {
        automaton.run(tokens, scratch: &scratch, text: text, onMatch: onMatch)
      }
    }
    var shared: SharedAutomaton?
    var with: [(source: PatternSource, pattern: Int)]
    var unless: [UnlessCheck]
  }

  public private(set) var ruleSet: RuleSet
  public let tokenizer: Tokenizer
  let main: TokenAutomaton
  let roles: [PatternRole]
  let primarySources: [PatternSource?]
  let checks: [RuleChecks]
  /// Tokens that end a gap in `unless … {match}`: breakers plus but, except, unless, however…
  let contrast: Set<TokenID>
  /// Reads who does what where a rule with an `actor` or `modality` matched.
  let reader: ClauseReader
  /// Each rule's `actor`/`modality`, by rule index (read per candidate: copying the whole rule
  /// definition for it retained every string in it).
  let constraints: [ReadingConstraint]

  /// The rules of `ruleSet`, compiled.
  /// - Throws: `RuleLoadError` naming the file and line of a bad pattern or lexicon.
  public init(ruleSet: RuleSet) throws {
    self.init(ruleSet: ruleSet, compiled: try RuleCompiler(ruleSet: ruleSet).compile())
  }

  /// The rules of `ruleSet`, taking the tables of `base` when they compile to the same ones
  /// (a configuration that changes only severities or thresholds), else compiling them.
  /// - Throws: `RuleLoadError` naming the file and line of a bad pattern or lexicon.
  public init(ruleSet: RuleSet, reusing base: RuleEngine?) throws {
    if let base, base.ruleSet.compiledPart == ruleSet.compiledPart {
      self = base
      self.ruleSet = ruleSet
    } else {
      try self.init(ruleSet: ruleSet)
    }
  }

  init(ruleSet: RuleSet, compiled: RuleCompiler.Output) {
    self.ruleSet = ruleSet
    tokenizer = compiled.tokenizer
    main = compiled.main
    roles = compiled.roles
    primarySources = compiled.primarySources
    checks = compiled.checks
    contrast = compiled.contrast
    reader = compiled.reader
    constraints = ruleSet.rules.map(\.reading)
  }

  /// The bundled rules, compiled.
  public static func bundled() throws -> RuleEngine {
    try RuleEngine(ruleSet: RuleSet.bundled())
  }

  /// A rule's match in a clause: token indices into the clause's tokens, inclusive.
  public struct Hit: Hashable, Sendable {
    public var rule: Int
    public var start: Int
    public var end: Int
  }

  /// What matching one clause found: rule hits, and the document-level signals it carries.
  public struct ClauseResult: Sendable {
    public var hits: [Hit] = []
    var signals: [(role: PatternRole, start: Int)] = []
  }

  /// The normalised text of token `index`, for regex tests and explanations.
  func text(of token: Token, bytes: [UInt8]) -> String {
    Self.text(of: token, bytes: bytes, vocabulary: tokenizer.vocabulary)
  }

  static func text(of token: Token, bytes: [UInt8], vocabulary: Vocabulary) -> String {
    if token.id != Vocabulary.unknown {
      let word = vocabulary.word(for: token.id)
      if !word.hasSuffix("*") { return word }
    }
    return String(decoding: bytes[token.range], as: UTF8.self).lowercased()
  }

  /// Matches every clause rule against one clause's tokens; `parties` are the names the
  /// document defines for itself, for rules that say who must act.
  /// - Complexity: O(tokens × live automaton steps), plus the rule checks of rules that matched.
  public func match(_ tokens: ArraySlice<Token>, bytes: [UInt8], parties: DocumentParties = .none) -> ClauseResult {
    var scratch = MatchScratch()
    return match(tokens, bytes: bytes, parties: parties, scratch: &scratch)
  }

  /// Working memory for `match`, reused across the clauses of a document.
  public struct MatchScratch {
    var automaton = TokenAutomaton.Scratch()
    /// For the rule checks' automata: each sizes it to the largest.
    var aux = TokenAutomaton.Scratch()
    public init() {}
  }

  /// `match(_:bytes:)` reusing working memory across calls.
  public func match(
    _ tokens: ArraySlice<Token>, bytes: [UInt8], parties: DocumentParties = .none,
    scratch: inout MatchScratch
  ) -> ClauseResult {
    var result = ClauseResult()
    var candidates: [(rule: Int, match: TokenAutomaton.Match)] = []
    // A local function, not a closure value: only regex tests call it, yet a closure built for
    // every clause was allocated on the heap, and retained the document's bytes and the
    // vocabulary's tables, which every matching thread shares, so their counts bounced between
    // cores.
    func text(_ i: Int) -> String { Self.text(of: tokens[i], bytes: bytes, vocabulary: tokenizer.vocabulary) }
    main.run(tokens, scratch: &scratch.automaton, text: text) { match in
      switch roles[match.pattern] {
      case .primary(let rule):
        candidates.append((rule, match))
      case let role:
        // A document rule needs to know only that a clause carries the signal, once.
        if !result.signals.contains(where: { $0.role == role }) { result.signals.append((role, match.start)) }
      }
    }
    guard !candidates.isEmpty else { return result }
    candidates.sort { ($0.rule, $0.match.start, $1.match.end) < ($1.rule, $1.match.start, $0.match.end) }
    var i = 0
    while i < candidates.count {
      let rule = candidates[i].rule
      var j = i
      while j < candidates.count && candidates[j].rule == rule { j += 1 }
      let aux = auxMatches(rule, tokens, scratch: &scratch.aux, text: text)
      if let hit = decide(
        rule, candidates: candidates[i..<j].lazy.map(\.match), aux: aux, tokens: tokens, bytes: bytes,
        parties: parties)
      {
        result.hits.append(hit)
      }
      i = j
    }
    return result
  }

  /// All matches of a rule's aux patterns in the clause.
  func auxMatches(
    _ rule: Int, _ tokens: ArraySlice<Token>, scratch: inout TokenAutomaton.Scratch,
    text: (Int) -> String
  ) -> AuxMatches {
    var out = AuxMatches()
    checks[rule].shared?.run(tokens, scratch: &scratch, text: text) { out.all.append($0) }
    return out
  }

  /// `auxMatches` with working memory of its own.
  func auxMatches(_ rule: Int, _ tokens: ArraySlice<Token>, text: (Int) -> String) -> AuxMatches {
    var scratch = TokenAutomaton.Scratch()
    return auxMatches(rule, tokens, scratch: &scratch, text: text)
  }

  /// The reading of a match: who does what where it stands.
  public func reading(
    _ start: Int, _ end: Int, _ tokens: ArraySlice<Token>, bytes: [UInt8],
    parties: DocumentParties
  ) -> Reading {
    reader.read(start: start, end: end, tokens: tokens, bytes: bytes, parties: parties)
  }

  /// Why the reading of a match does not meet the rule's `actor`/`modality`, or nil when it
  /// does (or the rule asks nothing of it).
  func rejection(
    _ rule: Int, _ match: TokenAutomaton.Match, _ tokens: ArraySlice<Token>, bytes: [UInt8],
    parties: DocumentParties
  ) -> String? {
    let constraint = constraints[rule]
    guard !constraint.isEmpty else { return nil }
    return constraint.rejection(of: reading(match.start, match.end, tokens, bytes: bytes, parties: parties))
  }

  /// The `unless` pattern that cancels a match, or nil when none does.
  func cancellation(
    _ rule: Int, _ match: TokenAutomaton.Match, _ aux: AuxMatches,
    _ tokens: ArraySlice<Token>
  ) -> PatternSource? {
    let base = tokens.startIndex
    func clear(_ from: Int, _ to: Int) -> Bool {
      var i = from
      while i < to {
        if contrast.contains(tokens[base + i].id) { return false }
        i += 1
      }
      return true
    }
    for check in checks[rule].unless {
      if let within = check.within {
        if aux.contains(within, where: { m in m.start >= match.start && m.end <= match.end }) { return check.source }
        continue
      }
      if let anywhere = check.anywhere {
        if aux.found(anywhere) { return check.source }
        continue
      }
      var beforeOK = true
      if let before = check.before {
        beforeOK = aux.contains(before) { m in
          m.end < match.start && match.start - m.end - 1 <= check.gapBefore && clear(m.end + 1, match.start)
        }
      }
      var afterOK = true
      if let after = check.after {
        afterOK = aux.contains(after) { m in
          m.start > match.end && m.start - match.end - 1 <= check.gapAfter && clear(match.end + 1, m.start)
        }
      }
      if beforeOK && afterOK { return check.source }
    }
    return nil
  }
}
