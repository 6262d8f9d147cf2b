/// Explains, clause by clause, why one rule fired or did not on a document — which pattern
/// matched which words, which `unless` cancelled it, which `with` was missing, and for a
/// document-level rule what was searched for and where.
public struct RuleExplainer: Sendable {
  public let linter: Linter

  public init(linter: Linter) {
    self.linter = linter
  }

  /// What `explain` says of one clause, and whether `lint` reports the rule there: both come from
  /// the decision `lint` takes (`RuleEngine.decide`, `Linter.measure`, `Linter.reportedRange`).
  public struct ClauseDecision: Sendable {
    public var clause: Clause
    /// True when `lint` reports the rule on this clause.
    public var reported: Bool
    /// False when no pattern of the rule matched (or the clause was too short to measure):
    /// such clauses are listed only with `--all`.
    public var considered: Bool
    public var lines: [String]
  }

  /// The explanation as lines of text. `all` also lists clauses where nothing matched.
  /// - Returns: nil when no rule has this ID.
  public func explain(ruleID: String, in document: Document, all: Bool = false) -> [String]? {
    let rules = linter.engine.ruleSet.rules
    guard let index = rules.firstIndex(where: { $0.id == ruleID || $0.aliases.contains(ruleID) }) else { return nil }
    let rule = rules[index]
    var lines = ["Rule \(rule.id) (\(rule.category), \(rule.severity.rawValue), \(rule.scope.rawValue) scope): \(rule.title)"]
    if rule.kind == .requires { return lines + documentDecision(ruleAt: index, in: document).lines }
    let decisions = clauseDecisions(ruleAt: index, in: document)
    for decision in decisions where all || decision.considered { lines += decision.lines }
    let verb = rule.kind == .readability ? "measured" : "matched a pattern"
    lines.append(
      "\(decisions.count) clauses: \(decisions.count(where: \.considered)) \(verb), "
        + "\(decisions.count(where: \.reported)) reported.")
    return lines
  }

  /// For a clause rule (patterns, count or readability), the decision on every clause.
  public func clauseDecisions(ruleAt index: Int, in document: Document) -> [ClauseDecision] {
    clauseDecisions(rulesAt: [index], in: document)[0]
  }

  /// `clauseDecisions(ruleAt:in:)` of several clause rules at once, in the order of `indices`:
  /// the document is segmented once and each clause matched once for all of them.
  public func clauseDecisions(rulesAt indices: [Int], in document: Document) -> [[ClauseDecision]] {
    let rules = linter.engine.ruleSet.rules
    let parties = DocumentParties(learningFrom: document.bytes)
    let clauses = linter.tokenizedClauses(document, parties: parties)
    let traced = indices.filter { rules[$0].kind != .readability }
    let window = contextWindow(for: traced, clauses: clauses, document: document, parties: parties)
    var decisions = [[ClauseDecision]](repeating: [], count: indices.count)
    for (position, (clause, tokens)) in clauses.enumerated() {
      let span = document.span(of: clause.range)
      let place = "\(document.path):\(span.start.line):\(span.start.column)"
      if clause.kind == .heading {
        let heading = ClauseDecision(
          clause: clause, reported: false, considered: false,
          lines: ["\(place) heading, not matched: \(document.text(in: clause.range))"])
        for k in indices.indices { decisions[k].append(heading) }
        continue
      }
      let traces = linter.engine.traces(rules: traced, tokens: tokens[...], bytes: document.bytes, parties: parties)
      for (k, index) in indices.enumerated() {
        if rules[index].kind == .readability, let metric = rules[index].metric {
          decisions[k].append(measured(clause, metric: metric, document: document, place: place))
        } else if let t = traced.firstIndex(of: index) {
          var decision = explained(
            traces[t], rule: index, clause: clause, tokens: tokens, document: document, parties: parties, place: place)
          if decision.reported, let window {
            inContext(&decision, rule: index, clause: position, window: window, clauses: clauses, document: document)
          }
          decisions[k].append(decision)
        }
      }
    }
    return decisions
  }

  /// Where the `context` of the rules that have one matched, when any of `indices` has one: the
  /// window `lint` reads them in (every clause matched, headings too).
  private func contextWindow(
    for indices: [Int], clauses: [(clause: Clause, tokens: [Token])], document: Document,
    parties: DocumentParties
  ) -> ContextWindow? {
    guard indices.contains(where: { linter.hasContext[$0] }) else { return nil }
    let signals = signals(of: clauses, document: document, parties: parties)
    return ContextWindow(clauses: clauses.map(\.clause), found: signals.context)
  }

  /// What every clause signals, headings included, as `lint` records it.
  private func signals(
    of clauses: [(clause: Clause, tokens: [Token])], document: Document, parties: DocumentParties
  ) -> DocumentSignals {
    var signals = DocumentSignals(ruleCount: linter.engine.ruleSet.rules.count)
    for (i, (clause, tokens)) in clauses.enumerated() {
      signals.record(
        linter.engine.match(tokens[...], bytes: document.bytes, parties: parties), clause: i,
        requiresOnly: clause.kind == .heading)
    }
    return signals
  }

  /// Says where a reported rule's `context` was found, or that it was not and the rule does
  /// not fire after all: the check `lint` makes once every clause is matched.
  private func inContext(
    _ decision: inout ClauseDecision, rule: Int, clause: Int, window: ContextWindow,
    clauses: [(clause: Clause, tokens: [Token])], document: Document
  ) {
    guard linter.hasContext[rule] else { return }
    _ = decision.lines.popLast()
    if let holder = window.holder(rule: rule, clause: clause) {
      let at = clauses[holder].clause
      let span = document.span(of: at.range)
      let whereFound = holder == clause ? "in this clause" : at.kind == .heading ? "in a heading above" : "before it"
      decision.lines.append(
        "  context found \(whereFound) (\(span.start.line):\(span.start.column)): \(document.text(in: at.range))")
      decision.lines.append("  → reported")
    } else {
      decision.lines.append(
        "  context NOT found in this clause, the \(ContextWindow.clausesBefore) before it in its section or a heading above it ("
          + linter.engine.ruleSet.rules[rule].context.map { "\"\($0.text)\"" }.joined(separator: ", ") + ")")
      decision.lines.append("  → not reported")
      decision.reported = false
    }
  }

  private func explained(
    _ trace: RuleTrace, rule index: Int, clause: Clause, tokens: [Token], document: Document,
    parties: DocumentParties, place: String
  ) -> ClauseDecision {
    func words(_ tokens: [Token], _ start: Int, _ end: Int) -> String {
      document.text(in: tokens[start].range.lowerBound..<tokens[end].range.upperBound)
    }
    if trace.candidates.isEmpty {
      return ClauseDecision(
        clause: clause, reported: false, considered: false,
        lines: ["\(place) no pattern matched: \(document.text(in: clause.range))"])
    }
    var lines = ["\(place) \(clause.kind.rawValue): \(document.text(in: clause.range))"]
    for c in trace.candidates {
      lines.append("  pattern \"\(c.pattern.text)\" (\(c.pattern.location)) matched \"\(words(tokens, c.start, c.end))\"")
      lines.append("    read as: " + describe(c.reading, tokens: tokens, words: words))
      if let u = c.cancelledBy { lines.append("    cancelled by unless \"\(u.text)\" (\(u.location))") }
      if let why = c.rejectedBecause { lines.append("    rejected: \(why)") }
    }
    for w in trace.with {
      lines.append("  with \"\(w.pattern.text)\": \(w.found ? "found" : "NOT found, so the rule does not fire")")
    }
    if let metric = linter.engine.ruleSet.rules[index].metric, metric.measure == .matches {
      lines.append("  counted separate matches that stand: the rule needs " + threshold(metric))
    }
    var reported = false
    if let hit = trace.hit {
      let own = Linter.ownTokensStart(tokens, clause: clause)
      var ownWordsOnly: RuleEngine.ClauseResult?
      var scratch = RuleEngine.MatchScratch()
      let range = linter.reportedRange(
        of: RuleEngine.Hit(rule: index, start: hit.lowerBound, end: hit.upperBound), tokens: tokens, ownStart: own,
        bytes: document.bytes, parties: parties, ownWordsOnly: &ownWordsOnly, scratch: &scratch)
      reported = range != nil
      // Not reported, or reported from a second match of the own words alone (`ownWordsOnly` is
      // filled only then): either way the hit lay wholly in the lead-in.
      if range == nil || ownWordsOnly != nil {
        let alone = range.map { "; the clause's own words match alone: \"\(document.text(in: $0))\"" } ?? ""
        lines.append("  the match lies in the lead-in, which is reported with its own clause" + alone)
      }
    }
    lines.append(reported ? "  → reported" : "  → not reported")
    return ClauseDecision(clause: clause, reported: reported, considered: true, lines: lines)
  }

  private func measured(_ clause: Clause, metric: MetricSpec, document: Document, place: String) -> ClauseDecision {
    let score = ReadabilityScore(bytes: document.bytes, range: clause.range)
    guard let value = Linter.measure(metric, of: score) else {
      return ClauseDecision(
        clause: clause, reported: false, considered: false,
        lines: [
          "\(place) too short to measure (\(score.words) words, needs \(max(metric.minWords, 1))): \(document.text(in: clause.range))"
        ])
    }
    let fires = metric.fires(value)
    return ClauseDecision(
      clause: clause, reported: fires, considered: true,
      lines: [
        "\(place) \(clause.kind.rawValue): \(document.text(in: clause.range))",
        "  \(metric.measure.rawValue) \(value.fixed(metric.measure == .words ? 0 : 1)); the rule needs \(threshold(metric))",
        fires ? "  → reported" : "  → not reported",
      ])
  }

  /// "above 40" / "below 30.0" / "above 2 or below 1": counts of words and matches are whole.
  private func threshold(_ metric: MetricSpec) -> String {
    let digits = metric.measure == .words || metric.measure == .matches ? 0 : 1
    return [metric.above.map { "above \($0.fixed(digits))" }, metric.below.map { "below \($0.fixed(digits))" }]
      .compactMap { $0 }.joined(separator: " or ")
  }

  /// For a document rule, whether `lint` reports it and why.
  public func documentDecision(ruleAt index: Int, in document: Document) -> (reported: Bool, lines: [String]) {
    let parties = DocumentParties(learningFrom: document.bytes)
    let clauses = linter.tokenizedClauses(document, parties: parties)
    func place(_ clause: Clause) -> String {
      let span = document.span(of: clause.range)
      return "\(document.path):\(span.start.line):\(span.start.column)"
    }
    return explainDocumentRule(index, document: document, clauses: clauses, parties: parties, place: place)
  }

  /// "actor provider ("we"), power ("may"), negated".
  private func describe(_ reading: Reading, tokens: [Token], words: ([Token], Int, Int) -> String) -> String {
    var actor = "actor " + (reading.actor?.rawValue ?? "not stated")
    if let r = reading.actorTokens { actor += " (\"\(words(tokens, r.lowerBound, r.upperBound))\")" }
    var modality = reading.modality.rawValue
    if let r = reading.modalTokens { modality += " (\"\(words(tokens, r.lowerBound, r.upperBound))\")" }
    return actor + ", " + modality + (reading.negated ? ", negated" : "")
  }

  private func explainDocumentRule(
    _ index: Int, document: Document, clauses: [(clause: Clause, tokens: [Token])],
    parties: DocumentParties, place: (Clause) -> String
  ) -> (reported: Bool, lines: [String]) {
    let rule = linter.engine.ruleSet.rules[index]
    let signals = signals(of: clauses, document: document, parties: parties)
    let findings = linter.lint(document, clauses: clauses.map(\.clause), documentRules: false)
    let evaluator = DocumentRuleEvaluator(linter: linter)
    let v = evaluator.verdict(
      rule: index, document: document, clauses: clauses.map(\.clause), signals: signals,
      clauseFindings: findings)
    var lines: [String] = []
    if rule.when.isEmpty {
      lines.append("applies to every document (no 'when')")
    } else if let w = v.whenClause {
      lines.append("applies: 'when' matched at \(place(clauses[w].clause)): \(document.text(in: clauses[w].clause.range))")
    } else {
      lines.append(
        "does not apply: no clause matched 'when' (" + rule.when.map { "\"\($0.text)\"" }.joined(separator: ", ") + ")")
    }
    lines.append("looked for \(v.lookedFor)")
    if let found = v.satisfiedBy {
      lines.append("found: \(found)")
      lines.append("→ not reported")
      return (false, lines)
    }
    lines.append("found none")
    if let at = v.reportClause {
      lines.append(
        "reported at \(place(clauses[at].clause)) (\(signals.reportAt[index].isEmpty ? "first heading or clause" : "first clause matching 'report_at'")): \(document.text(in: clauses[at].clause.range))"
      )
    }
    let reported = v.reports
    lines.append(reported ? "→ reported" : "→ not reported")
    return (reported, lines)
  }
}
