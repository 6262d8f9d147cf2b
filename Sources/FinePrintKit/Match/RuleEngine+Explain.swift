/// Why a rule fired or not on one clause: for `fineprint explain`, the question rule authors
/// of other linters keep asking ("why does this not match?").
public struct RuleTrace: Sendable {
  /// One match of one of the rule's patterns, and what became of it.
  public struct Candidate: Sendable {
    public var pattern: PatternSource
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
  /// True when the rule reports this clause.
  public var fired: Bool = false
}

extension RuleEngine {
  /// Traces rule `rule` (an index into `ruleSet.rules`) over one clause's tokens.
  public func trace(rule: Int, tokens: ArraySlice<Token>, bytes: [UInt8], parties: DocumentParties = .none) -> RuleTrace {
    var trace = RuleTrace()
    let text = { (i: Int) in self.text(of: tokens[i], bytes: bytes) }
    var matches: [TokenAutomaton.Match] = []
    main.run(tokens, text: text) { match in
      if case .primary(let r) = roles[match.pattern], r == rule { matches.append(match) }
    }
    matches.sort { ($0.start, $1.end) < ($1.start, $0.end) }
    var kept: [TokenAutomaton.Match] = []
    for m in matches where !kept.contains(where: { $0.pattern == m.pattern && $0.start == m.start }) { kept.append(m) }
    let aux = auxMatches(rule, tokens, text: text)
    trace.with = checks[rule].with.map { ($0.source, aux.found($0.pattern)) }
    for m in kept {
      guard let source = primarySources[m.pattern] else { continue }
      let reading = self.reading(m.start, m.end, tokens, bytes: bytes, parties: parties)
      trace.candidates.append(RuleTrace.Candidate(
        pattern: source, start: m.start, end: m.end, cancelledBy: cancellation(rule, m, aux, tokens),
        reading: reading, rejectedBecause: constraints[rule].rejection(of: reading)))
    }
    trace.fired = trace.with.allSatisfy(\.found)
      && trace.candidates.contains { $0.cancelledBy == nil && $0.rejectedBecause == nil }
    return trace
  }
}
