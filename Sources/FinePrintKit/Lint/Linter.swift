import Foundation

/// Runs the whole pipeline on a document: segment, tokenize, match every clause rule, then the
/// document-level rules ("X is present but Y is absent"). An immutable value: share it.
public struct Linter: Sendable {
  public let engine: RuleEngine
  public let segmenter: ClauseSegmenter

  /// The readability rules (a metric over the whole clause) by index, with their metrics, found
  /// once: filtering the rules for every clause copied each definition.
  let clauseMetrics: [(rule: Int, metric: MetricSpec)]

  public init(engine: RuleEngine, segmenter: ClauseSegmenter = ClauseSegmenter()) {
    self.engine = engine
    self.segmenter = segmenter
    clauseMetrics = engine.ruleSet.rules.enumerated().compactMap { index, rule in
      guard let metric = rule.metric, metric.measure != .matches, rule.scope == .clause else { return nil }
      return (index, metric)
    }
  }

  /// The clauses of a document with their tokens.
  public func tokenizedClauses(_ document: Document) -> [(clause: Clause, tokens: [Token])] {
    // One copy of the tokenizer for the document: reading it through the engine copied its
    // tables' references for every clause.
    let tokenizer = engine.tokenizer
    return segmenter.clauses(in: document).map { clause in
      let own = tokenizer.tokens(in: document.bytes, range: clause.range)
      guard let leadIn = clause.leadIn else { return (clause, own) }
      return (clause, tokenizer.tokens(in: document.bytes, range: leadIn) + own)
    }
  }

  /// Every finding in the document, ordered by position, then rule.
  public func lint(_ document: Document) -> [Finding] {
    lint(document, clauses: tokenizedClauses(document), documentRules: true)
  }

  /// Findings of a single passage (segmented and matched; document-level rules not applied),
  /// as `fineprint classify` needs them.
  public func classify(_ text: String, name: String = "-") -> [Finding] {
    let bytes = Array(text.utf8)
    guard let document = try? PlainTextIngester().ingest(InputSource(name: name, bytes: bytes)) else { return [] }
    return lint(document, clauses: tokenizedClauses(document), documentRules: false)
  }

  func lint(_ document: Document, clauses: [(clause: Clause, tokens: [Token])], documentRules: Bool) -> [Finding] {
    var findings: [Finding] = []
    var signals = DocumentSignals(ruleCount: engine.ruleSet.rules.count)
    var scratch = RuleEngine.MatchScratch()
    let parties = DocumentParties(learningFrom: document.bytes)
    for (index, (clause, tokens)) in clauses.enumerated() {
      // Headings announce a topic; the clauses under them state the terms. Matching headings
      // would flag "Binding Arbitration" once for the title and again for the clause.
      if clause.kind == .heading { continue }
      let result = engine.match(tokens[...], bytes: document.bytes, parties: parties, scratch: &scratch)
      signals.record(result, clause: index)
      // Words of a sub-clause's lead-in give context (a negation) but are reported only once,
      // with the clause they belong to. A sub-clause with no words of its own ("}<") reports
      // nothing: its lead-in's matches once went out under its name, outside it.
      let own = tokens.firstIndex { $0.range.lowerBound >= clause.range.lowerBound } ?? tokens.count
      findings += measured(clause, document: document)
      for hit in result.hits where hit.end >= own {
        let range = tokens[max(hit.start, own)].range.lowerBound..<tokens[hit.end].range.upperBound
        findings.append(finding(ruleAt: hit.rule, document: document, clause: clause, range: range))
      }
    }
    if documentRules {
      findings += DocumentRuleEvaluator(linter: self).evaluate(document, clauses: clauses, signals: signals,
                                                                 clauseFindings: findings)
    }
    return findings.sorted { ($0.line, $0.column, $0.rule) < ($1.line, $1.column, $1.rule) }
  }

  /// Findings of readability rules (a metric over the whole clause, no patterns).
  func measured(_ clause: Clause, document: Document) -> [Finding] {
    guard !clauseMetrics.isEmpty else { return [] }
    // Most clauses are too short for any of these rules: count their words before their syllables.
    let words = ReadabilityScore.wordCount(bytes: document.bytes, range: clause.range)
    let mayFire = clauseMetrics.contains { _, metric in
      words >= max(metric.minWords, 1) && (metric.measure != .words || metric.fires(Double(words)))
    }
    guard mayFire else { return [] }
    let score = ReadabilityScore(bytes: document.bytes, range: clause.range)
    var out: [Finding] = []
    for (rule, metric) in clauseMetrics where score.words >= max(metric.minWords, 1) {
      let value: Double
      switch metric.measure {
      case .words: value = Double(score.words)
      case .readingEase: value = score.readingEase
      case .gradeLevel: value = score.gradeLevel
      case .matches: continue
      }
      guard metric.fires(value) else { continue }
      let detail = " (\(score.words) words, reading ease \(score.readingEase.fixed(0)), grade \(score.gradeLevel.fixed(1)))"
      out.append(finding(ruleAt: rule, document: document, clause: clause, range: clause.range,
                         message: engine.ruleSet.rules[rule].message + detail))
    }
    return out
  }

  /// A finding of rule `index` (its own message unless `message` replaces it), reading only the
  /// fields it needs: a copy of the whole rule definition retained every string and array in it,
  /// for every finding.
  func finding(ruleAt index: Int, document: Document, clause: Clause, range: Range<Int>,
               message: String? = nil, documentLevel: Bool = false) -> Finding
  {
    let rules = engine.ruleSet.rules
    return Finding(
      rule: rules[index].id, category: rules[index].category, severity: rules[index].severity,
      message: message ?? rules[index].message, file: document.path, span: document.span(of: range),
      match: document.text(in: range), clause: document.text(in: clause.range), headings: clause.headings,
      textRange: range, clauseRange: clause.range, documentLevel: documentLevel)
  }
}
