/// What became of one match of a rule's pattern, for `explain`.
struct CandidateVerdict {
  /// The `unless` pattern that cancelled the match, if one did.
  var cancelledBy: PatternSource?
  /// Why the reading does not meet the rule's `actor`/`modality`, if it does not.
  var rejectedBecause: String?
  /// Who does what where the match stands.
  var reading: Reading
}

extension RuleEngine {
  /// Whether a clause rule reports a clause, from the matches of its patterns there: `lint`
  /// (through `match`) and `explain` (through `trace`) both decide here, so they cannot disagree.
  ///
  /// A pattern rule reports its first match (by start, longest first) that no `unless` cancels and
  /// whose reading meets the rule's `actor`/`modality`; a rule with `metric: {measure: matches}`
  /// counts such matches that do not overlap and reports the first when the count crosses its
  /// threshold. Either needs every `with` pattern somewhere in the clause.
  /// - Parameters:
  ///   - candidates: the rule's matches in the clause, sorted by start, then longest first.
  ///   - explaining: called with every candidate and its verdict (then all are judged, not only
  ///     until the decision is known).
  /// - Returns: the hit reported, or nil.
  func decide(
    _ rule: Int, candidates: some Collection<TokenAutomaton.Match>, aux: AuxMatches,
    tokens: ArraySlice<Token>, bytes: [UInt8], parties: DocumentParties,
    explaining: ((TokenAutomaton.Match, CandidateVerdict) -> Void)? = nil
  ) -> Hit? {
    let withFound = checks[rule].with.allSatisfy { aux.found($0.pattern) }
    var verdicts: [TokenAutomaton.Match: Bool] = [:]
    if let explaining {
      for match in candidates {
        let reading = self.reading(match.start, match.end, tokens, bytes: bytes, parties: parties)
        let verdict = CandidateVerdict(
          cancelledBy: cancellation(rule, match, aux, tokens),
          rejectedBecause: constraints[rule].rejection(of: reading), reading: reading)
        verdicts[match] = verdict.cancelledBy == nil && verdict.rejectedBecause == nil
        explaining(match, verdict)
      }
    }
    guard withFound else { return nil }
    func survives(_ match: TokenAutomaton.Match) -> Bool {
      if !verdicts.isEmpty, let known = verdicts[match] { return known }
      return cancellation(rule, match, aux, tokens) == nil
        && rejection(rule, match, tokens, bytes: bytes, parties: parties) == nil
    }
    if let metric = ruleSet.rules[rule].metric, metric.measure == .matches {
      // Count separate (non-overlapping) surviving matches: "three legalese terms in a clause".
      var count = 0
      var lastEnd = -1
      var first: TokenAutomaton.Match?
      for match in candidates where match.start > lastEnd && survives(match) {
        count += 1
        lastEnd = match.end
        if first == nil { first = match }
      }
      guard let first, metric.fires(Double(count)) else { return nil }
      return Hit(rule: rule, start: first.start, end: first.end)
    }
    guard let survivor = candidates.first(where: survives) else { return nil }
    return Hit(rule: rule, start: survivor.start, end: survivor.end)
  }
}
