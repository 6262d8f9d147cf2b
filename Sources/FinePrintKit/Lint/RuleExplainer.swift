/// Explains, clause by clause, why one rule fired or did not on a document — which pattern
/// matched which words, which `unless` cancelled it, which `with` was missing, and for a
/// document-level rule what was searched for and where.
public struct RuleExplainer: Sendable {
  public let linter: Linter

  public init(linter: Linter) {
    self.linter = linter
  }

  /// The explanation as lines of text. `all` also lists clauses where nothing matched.
  /// - Returns: nil when no rule has this ID.
  public func explain(ruleID: String, in document: Document, all: Bool = false) -> [String]? {
    let rules = linter.engine.ruleSet.rules
    guard let index = rules.firstIndex(where: { $0.id == ruleID || $0.aliases.contains(ruleID) }) else { return nil }
    let rule = rules[index]
    var lines = ["Rule \(rule.id) (\(rule.category), \(rule.severity.rawValue), \(rule.scope.rawValue) scope): \(rule.title)"]
    let clauses = linter.tokenizedClauses(document)
    let parties = DocumentParties(learningFrom: document.bytes)
    func place(_ clause: Clause) -> String {
      let span = document.span(of: clause.range)
      return "\(document.path):\(span.start.line):\(span.start.column)"
    }
    func words(_ tokens: [Token], _ start: Int, _ end: Int) -> String {
      document.text(in: tokens[start].range.lowerBound..<tokens[end].range.upperBound)
    }
    if rule.scope == .document {
      return lines + explainDocumentRule(index, document: document, clauses: clauses, parties: parties, place: place)
    }
    var matched = 0
    var fired = 0
    for (clause, tokens) in clauses {
      if clause.kind == .heading {
        if all { lines.append("\(place(clause)) heading, not matched: \(document.text(in: clause.range))") }
        continue
      }
      let trace = linter.engine.trace(rule: index, tokens: tokens[...], bytes: document.bytes, parties: parties)
      if trace.candidates.isEmpty {
        if all { lines.append("\(place(clause)) no pattern matched: \(document.text(in: clause.range))") }
        continue
      }
      matched += 1
      lines.append("\(place(clause)) \(clause.kind.rawValue): \(document.text(in: clause.range))")
      for c in trace.candidates {
        lines.append("  pattern \"\(c.pattern.text)\" (\(c.pattern.location)) matched \"\(words(tokens, c.start, c.end))\"")
        lines.append("    read as: " + describe(c.reading, tokens: tokens, words: words))
        if let u = c.cancelledBy { lines.append("    cancelled by unless \"\(u.text)\" (\(u.location))") }
        if let why = c.rejectedBecause { lines.append("    rejected: \(why)") }
      }
      for w in trace.with {
        lines.append("  with \"\(w.pattern.text)\": \(w.found ? "found" : "NOT found, so the rule does not fire")")
      }
      if trace.fired { fired += 1 }
      lines.append(trace.fired ? "  → reported" : "  → not reported")
    }
    lines.append("\(clauses.count) clauses: \(matched) matched a pattern, \(fired) reported.")
    return lines
  }

  /// "actor provider ("we"), power ("may"), negated".
  private func describe(_ reading: Reading, tokens: [Token], words: ([Token], Int, Int) -> String) -> String {
    var actor = "actor " + (reading.actor?.rawValue ?? "not stated")
    if let r = reading.actorTokens { actor += " (\"\(words(tokens, r.lowerBound, r.upperBound))\")" }
    var modality = reading.modality.rawValue
    if let r = reading.modalTokens { modality += " (\"\(words(tokens, r.lowerBound, r.upperBound))\")" }
    return actor + ", " + modality + (reading.negated ? ", negated" : "")
  }

  private func explainDocumentRule(_ index: Int, document: Document, clauses: [(clause: Clause, tokens: [Token])],
                                   parties: DocumentParties, place: (Clause) -> String) -> [String]
  {
    let rule = linter.engine.ruleSet.rules[index]
    var signals = DocumentSignals(ruleCount: linter.engine.ruleSet.rules.count)
    for (i, (clause, tokens)) in clauses.enumerated() where clause.kind != .heading {
      signals.record(linter.engine.match(tokens[...], bytes: document.bytes, parties: parties), clause: i)
    }
    let findings = linter.lint(document, clauses: clauses.map(\.clause), documentRules: false)
    let evaluator = DocumentRuleEvaluator(linter: linter)
    let v = evaluator.verdict(rule: index, document: document, clauses: clauses.map(\.clause), signals: signals,
                              clauseFindings: findings)
    var lines: [String] = []
    if rule.when.isEmpty {
      lines.append("applies to every document (no 'when')")
    } else if let w = v.whenClause {
      lines.append("applies: 'when' matched at \(place(clauses[w].clause)): \(document.text(in: clauses[w].clause.range))")
    } else {
      lines.append("does not apply: no clause matched 'when' (" + rule.when.map { "\"\($0.text)\"" }.joined(separator: ", ") + ")")
    }
    lines.append("looked for \(v.lookedFor)")
    if let found = v.satisfiedBy {
      lines.append("found: \(found)")
      lines.append("→ not reported")
    } else {
      lines.append("found none")
      if let at = v.reportClause {
        lines.append("reported at \(place(clauses[at].clause)) (\(signals.reportAt[index].isEmpty ? "first heading or clause" : "first clause matching 'report_at'")): \(document.text(in: clauses[at].clause.range))")
      }
      lines.append(v.applies ? "→ reported" : "→ not reported")
    }
    return lines
  }
}
