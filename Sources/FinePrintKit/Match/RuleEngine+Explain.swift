/// Why a rule fired or not on one clause: for `fineprint explain`, the question rule authors
/// of other linters keep asking ("why does this not match?").
public struct RuleTrace: Sendable {
  /// One match of one of the rule's patterns, and what became of it.
  public struct Candidate: Sendable {
    public var pattern: PatternSource
    var patternIndex: Int
    /// Token indices into the clause's tokens, inclusive.
    public var start: Int
    public var end: Int
    /// The `unless` pattern that cancelled this match, if one did.
    public var cancelledBy: PatternSource?
    /// Who does what where the match stands.
    public var reading: Reading
    /// Why the reading does not meet the rule's `actor`/`modality`, if it does not.
    public var rejectedBecause: String?
  }

  public var candidates: [Candidate] = []
  /// Each `with` pattern and whether it matched somewhere in the clause.
  public var with: [(pattern: PatternSource, found: Bool)] = []
  /// True when the rule's decision on this clause is a hit (`lint` reports it unless it lies
  /// wholly in a lead-in, which its own clause reports).
  public var fired: Bool = false
  /// The tokens of the hit, when it fired.
  public var hit: ClosedRange<Int>?
}

extension RuleEngine {
  /// Traces rule `rule` (an index into `ruleSet.rules`) over one clause's tokens. Whether it
  /// fired is `decide`'s answer, the one `match` gives `lint`.
  public func trace(rule: Int, tokens: ArraySlice<Token>, bytes: [UInt8], parties: DocumentParties = .none) -> RuleTrace {
    traces(rules: [rule], tokens: tokens, bytes: bytes, parties: parties)[0]
  }

  /// Traces several rules over one clause with one run of the automaton, in the order of `rules`.
  /// A rule none of whose patterns matched gets an empty trace (its `with` patterns unsought).
  public func traces(rules: [Int], tokens: ArraySlice<Token>, bytes: [UInt8], parties: DocumentParties = .none) -> [RuleTrace] {
    let text = { (i: Int) in self.text(of: tokens[i], bytes: bytes) }
    var slot = [Int?](repeating: nil, count: ruleSet.rules.count)
    for (k, rule) in rules.enumerated() { slot[rule] = k }
    var matches = [[TokenAutomaton.Match]](repeating: [], count: rules.count)
    main.run(tokens, text: text) { match in
      if case .primary(let r) = roles[match.pattern], let k = slot[r] { matches[k].append(match) }
    }
    return rules.indices.map { k in
      matches[k].isEmpty ? RuleTrace() : trace(rules[k], matches: matches[k], tokens: tokens, bytes: bytes, parties: parties)
    }
  }

  private func trace(
    _ rule: Int, matches: [TokenAutomaton.Match], tokens: ArraySlice<Token>, bytes: [UInt8],
    parties: DocumentParties
  ) -> RuleTrace {
    var trace = RuleTrace()
    let matches = matches.sorted { ($0.start, $1.end) < ($1.start, $0.end) }
    let aux = auxMatches(rule, tokens) { self.text(of: tokens[$0], bytes: bytes) }
    trace.with = checks[rule].with.map { ($0.source, aux.found($0.pattern)) }
    let hit = decide(rule, candidates: matches, aux: aux, tokens: tokens, bytes: bytes, parties: parties) { m, verdict in
      // The same pattern matching again from the same word says nothing new.
      guard let source = primarySources[m.pattern],
        !trace.candidates.contains(where: { $0.patternIndex == m.pattern && $0.start == m.start })
      else { return }
      trace.candidates.append(
        RuleTrace.Candidate(
          pattern: source, patternIndex: m.pattern, start: m.start, end: m.end, cancelledBy: verdict.cancelledBy,
          reading: verdict.reading, rejectedBecause: verdict.rejectedBecause))
    }
    trace.hit = hit.map { $0.start...$0.end }
    trace.fired = hit != nil
    return trace
  }
}
