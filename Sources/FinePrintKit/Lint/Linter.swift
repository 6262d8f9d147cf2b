import Foundation

/// Runs the whole pipeline on a document: segment, tokenize, match every clause rule, then the
/// document-level rules ("X is present but Y is absent"). An immutable value: share it.
public struct Linter: Sendable {
  public let engine: RuleEngine
  /// How documents are cut into clauses (its `maxClauseBytes` is a user's limit).
  public var segmenter: ClauseSegmenter
  /// Threads a large document's clauses are tokenized and matched on (the findings are the
  /// same whatever the number).
  public var threads = ProcessInfo.processInfo.activeProcessorCount
  /// Clauses a thread takes at least: below two of these, one thread does it all.
  static let minimumChunk = 256

  /// The readability rules (a metric over the whole clause) by index, with their metrics, found
  /// once: filtering the rules for every clause copied each definition.
  let clauseMetrics: [(rule: Int, metric: MetricSpec)]
  /// How many document-level rules there are: each reports one finding at most.
  let documentRuleCount: Int
  /// Whether a document rule requires patterns, which headings may satisfy.
  let hasRequirements: Bool
  /// For each rule, whether it has a `context` to find around its matches.
  let hasContext: [Bool]

  public init(engine: RuleEngine, segmenter: ClauseSegmenter = ClauseSegmenter()) {
    self.engine = engine
    self.segmenter = segmenter
    clauseMetrics = engine.ruleSet.rules.enumerated().compactMap { index, rule in
      guard rule.kind == .readability, let metric = rule.metric else { return nil }
      return (index, metric)
    }
    documentRuleCount = engine.ruleSet.rules.count { $0.kind == .requires }
    hasRequirements = engine.ruleSet.rules.contains { !($0.requires?.patterns.isEmpty ?? true) }
    hasContext = engine.ruleSet.rules.map { !$0.context.isEmpty }
  }

  /// Whether headings are matched: a document rule's requirement or a rule's context may stand there.
  var matchesHeadings: Bool { hasRequirements || hasContext.contains(true) }

  /// The clauses of a document with their tokens, its provider's own name read as `lint` reads
  /// it (`parties`: what the caller already learned of the document, else learned here).
  public func tokenizedClauses(_ document: Document, parties: DocumentParties? = nil) -> [(clause: Clause, tokens: [Token])] {
    // One copy of the tokenizer for the document: reading it through the engine copied its
    // tables' references for every clause.
    let tokenizer = engine.tokenizer.naming(parties ?? DocumentParties(learningFrom: document.bytes, threads: threads))
    let clauses = segmenter.clauses(in: document, threads: threads)
    return ParallelChunks.map(count: clauses.count, threads: threads, minimumChunk: Self.minimumChunk) { range in
      clauses[range].map { ($0, Self.tokens(of: $0, in: document, tokenizer: tokenizer)) }
    }.flatMap { $0 }
  }

  /// A clause's tokens: those of its lead-in (the words before a list that its items share), then its own.
  static func tokens(of clause: Clause, in document: Document, tokenizer: Tokenizer) -> [Token] {
    let own = tokenizer.tokens(in: document.bytes, range: clause.range)
    guard let leadIn = clause.leadIn else { return own }
    return tokenizer.tokens(in: document.bytes, range: leadIn) + own
  }

  /// `tokens(of:in:tokenizer:)` into `out` (emptied first), with a resolver made once for many
  /// clauses (see `Tokenizer.lookupResolver()`), into room kept from clause to clause.
  static func tokens(of clause: Clause, in document: Document, resolver: inout LookupResolver, into out: inout [Token]) {
    out.removeAll(keepingCapacity: true)
    if let leadIn = clause.leadIn {
      Tokenizer.appendTokens(in: document.bytes, range: leadIn, resolver: &resolver, to: &out)
    }
    Tokenizer.appendTokens(in: document.bytes, range: clause.range, resolver: &resolver, to: &out)
  }

  /// Every finding in the document, ordered by position, then rule.
  public func lint(_ document: Document) -> [Finding] {
    lint(document, clauses: segmenter.clauses(in: document, threads: threads), documentRules: true)
  }

  /// Every finding in the document, ordered by position, then rule, unless it takes past
  /// `deadline`: the clock is read between clauses, so a document stops within one clause of it.
  /// - Throws: `LintError.timedOut` naming the document and the first clause not matched.
  public func lint(_ document: Document, deadline: ContinuousClock.Instant, budgetSeconds: Int) throws(LintError) -> [Finding] {
    try lint(
      document, clauses: segmenter.clauses(in: document), documentRules: true,
      deadline: Deadline(instant: deadline, seconds: budgetSeconds))
  }

  /// Findings of a single passage (segmented and matched; document-level rules not applied),
  /// as `fineprint classify` needs them.
  public func classify(_ text: String, name: String = "-") -> [Finding] {
    let bytes = Array(text.utf8)
    guard let document = try? PlainTextIngester().ingest(InputSource(name: name, bytes: bytes)) else { return [] }
    return lint(document, clauses: segmenter.clauses(in: document, threads: threads), documentRules: false)
  }

  /// What matching a range of clauses found: the findings, the signals, the clause the deadline
  /// stopped it at, and the findings of rules with a `context`, by clause.
  typealias MatchedPart = (
    pending: [PendingFinding], signals: DocumentSignals, stoppedAt: Int?,
    contextual: [(clause: Int, finding: PendingFinding)]
  )

  /// When a document's time budget runs out, and how long it was (for the error).
  struct Deadline: Sendable {
    var instant: ContinuousClock.Instant
    var seconds: Int
  }

  /// `lint` without a time budget.
  func lint(_ document: Document, clauses: consuming [Clause], documentRules: Bool) -> [Finding] {
    (try? lint(document, clauses: clauses, documentRules: documentRules, deadline: nil)) ?? []
  }

  /// Tokenizes and matches each clause (on several threads when there are many; a clause's
  /// tokens are dropped once matched, so a large document never holds all of them at once).
  /// With a deadline, the clock is read before each clause; past it, every thread stops.
  /// The clauses are consumed: they are let go before the findings' strings are made.
  /// - Throws: `LintError.timedOut` (only with a deadline).
  func lint(
    _ document: Document, clauses: consuming [Clause], documentRules: Bool, deadline: Deadline?
  ) throws(LintError) -> [Finding] {
    if let deadline, ContinuousClock.now >= deadline.instant {
      throw LintError.timedOut(path: document.path, seconds: deadline.seconds, line: nil)
    }
    var signals = DocumentSignals(ruleCount: engine.ruleSet.rules.count)
    let parties = DocumentParties(learningFrom: document.bytes, threads: threads)
    // Clauses are independent: ranges of them are matched on several threads, then joined in
    // order, as one thread would have found them.
    let tokenizer = engine.tokenizer.naming(parties)
    let all = clauses
    let scratches = MatchScratchPool()
    // Sixteen ranges a thread: with four, the last range of a 10 MB lint left one thread
    // matching alone for the last tenth of the pass.
    var parts = ParallelChunks.map(
      count: all.count, threads: threads, minimumChunk: Self.minimumChunk, chunksPerThread: 16
    ) { range -> MatchedPart in
      var pending: [PendingFinding] = []
      // Findings of rules with a `context`, by clause: kept once the context is found around them.
      var contextual: [(clause: Int, finding: PendingFinding)] = []
      var signals = DocumentSignals(ruleCount: engine.ruleSet.rules.count)
      var scratch = scratches.take()
      defer { scratches.give(scratch) }
      var resolver = tokenizer.lookupResolver()
      var tokens: [Token] = []
      for index in range {
        if let deadline, ContinuousClock.now >= deadline.instant { return (pending, signals, index, contextual) }
        let clause = all[index]
        // Headings announce a topic; the clauses under them state the terms. Matching headings
        // would flag "Binding Arbitration" once for the title and again for the clause; a
        // heading only tells a document rule that a topic it requires is covered.
        let heading = clause.kind == .heading
        if heading && !matchesHeadings { continue }
        Self.tokens(of: clause, in: document, resolver: &resolver, into: &tokens)
        let result = engine.match(tokens[...], bytes: document.bytes, parties: parties, scratch: &scratch)
        signals.record(result, clause: index, requiresOnly: heading)
        if heading { continue }
        for (rule, message) in measurements(clause, document: document) {
          pending.append(
            PendingFinding(
              rule: rule, range: clause.range, clause: clause, span: document.span(of: clause.range), message: message))
        }
        let own = Self.ownTokensStart(tokens, clause: clause)
        var ownWordsOnly: RuleEngine.ClauseResult?
        for hit in result.hits {
          guard
            let range = reportedRange(
              of: hit, tokens: tokens, ownStart: own, bytes: document.bytes, parties: parties,
              ownWordsOnly: &ownWordsOnly, scratch: &scratch)
          else { continue }
          let finding = PendingFinding(rule: hit.rule, range: range, clause: clause, span: document.span(of: range))
          if hasContext[hit.rule] { contextual.append((index, finding)) } else { pending.append(finding) }
        }
      }
      return (pending, signals, nil, contextual)
    }
    if let deadline, let stopped = parts.compactMap(\.stoppedAt).min() {
      throw timedOut(document, clauses: all, at: stopped, deadline: deadline)
    }
    // Joined into room made once for them and the document rules' (one finding each at most),
    // each range's findings let go once copied: appending them one range after another grew the
    // array by doubling, and held it three times over at the end of a large document.
    var pending: [PendingFinding] = []
    pending.reserveCapacity(parts.reduce(documentRules ? documentRuleCount : 0) { $0 + $1.pending.count })
    for k in parts.indices {
      pending += parts[k].pending
      parts[k].pending = []
      signals.append(parts[k].signals)
    }
    if parts.contains(where: { !$0.contextual.isEmpty }) {
      let window = ContextWindow(clauses: all, found: signals.context)
      for part in parts {
        for (clause, finding) in part.contextual where window.holder(rule: finding.rule, clause: clause) != nil {
          pending.append(finding)
        }
      }
    }
    if documentRules {
      let rules = engine.ruleSet.rules
      let reports = DocumentRuleEvaluator(linter: self).evaluate(document, clauses: all, signals: signals) { requirement in
        pending.first {
          requirement.categories.contains(rules[$0.rule].category) || requirement.rules.contains(rules[$0.rule].id)
        }
        .map { "\(rules[$0.rule].id) at line \($0.line): \"\(document.text(in: $0.range))\"" }
      }
      for report in reports {
        let clause = all[report.clause]
        pending.append(
          PendingFinding(
            rule: report.rule, range: clause.range, clause: clause, span: document.span(of: clause.range),
            message: report.message, documentLevel: true))
      }
    }
    _ = consume all
    _ = consume clauses
    // The pending findings of one clause stand together: its text is made once for them all.
    var firstOfClause = Array(pending.indices)
    for i in pending.indices.dropFirst() where pending[i].clauseRange == pending[i - 1].clauseRange {
      firstOfClause[i] = firstOfClause[i - 1]
    }
    // The order is that of sorting the findings themselves (the same comparisons on the same
    // sequence), found on indices: sorting 216-byte findings moved them all.
    let rules = engine.ruleSet.rules
    var order = Array(pending.indices)
    order.sort {
      (pending[$0].line, pending[$0].column, rules[pending[$0].rule].id)
        < (pending[$1].line, pending[$1].column, rules[pending[$1].rule].id)
    }
    return findings(pending, order: order, firstOfClause: firstOfClause, document: document)
  }

  /// The error for a document whose budget ran out before clause `index` was matched.
  private func timedOut(_ document: Document, clauses: [Clause], at index: Int, deadline: Deadline) -> LintError {
    let line = index < clauses.count ? document.span(of: clauses[index].range).start.line : 1
    return .timedOut(path: document.path, seconds: deadline.seconds, line: line)
  }

  /// The text a rule's hit reports in its clause: the hit's own words, or, when the hit lies
  /// wholly in the lead-in (which the clause holding it reports), the rule's first match in the
  /// clause's own words, matched alone (made once a clause, in `ownWordsOnly`); nil when there is
  /// none. `lint` and `explain` both ask here.
  func reportedRange(
    of hit: RuleEngine.Hit, tokens: [Token], ownStart own: Int, bytes: [UInt8], parties: DocumentParties,
    ownWordsOnly: inout RuleEngine.ClauseResult?, scratch: inout RuleEngine.MatchScratch
  ) -> Range<Int>? {
    if let range = Self.reportedRange(hit.start...hit.end, tokens: tokens, ownStart: own) { return range }
    guard own < tokens.count else { return nil }
    if ownWordsOnly == nil { ownWordsOnly = engine.match(tokens[own...], bytes: bytes, parties: parties, scratch: &scratch) }
    guard let again = ownWordsOnly?.hits.first(where: { $0.rule == hit.rule }) else { return nil }
    return tokens[own + again.start].range.lowerBound..<tokens[own + again.end].range.upperBound
  }

  /// Where a clause's own tokens start, after the lead-in tokens matched with it.
  static func ownTokensStart(_ tokens: [Token], clause: Clause) -> Int {
    // A sub-clause with no words of its own ("}<") reports nothing: its lead-in's matches once
    // went out under its name, outside it (found by the HTML fuzz target).
    tokens.firstIndex { $0.range.lowerBound >= clause.range.lowerBound } ?? tokens.count
  }

  /// The text a hit reports in its clause, or nil when the hit lies wholly in the lead-in: words
  /// of a sub-clause's lead-in give context (a negation) but are reported only once, with the
  /// clause they belong to. `lint` and `explain` both ask here.
  static func reportedRange(_ hit: ClosedRange<Int>, tokens: [Token], ownStart: Int) -> Range<Int>? {
    guard hit.upperBound >= ownStart else { return nil }
    return tokens[max(hit.lowerBound, ownStart)].range.lowerBound..<tokens[hit.upperBound].range.upperBound
  }

  /// What a readability rule measures on a clause, or nil when the clause is too short to
  /// measure: `lint` and `explain` both ask here.
  static func measure(_ metric: MetricSpec, of score: ReadabilityScore) -> Double? {
    guard score.words >= max(metric.minWords, 1) else { return nil }
    switch metric.measure {
    case .words: return Double(score.words)
    case .readingEase: return score.readingEase
    case .gradeLevel: return score.gradeLevel
    case .matches: return nil
    }
  }

  /// Clauses of this many bytes are scored without counting their words first: nearly all
  /// hold enough words for a readability rule.
  static let scoredAtOnce = 200

  /// The readability rules (a metric over the whole clause, no patterns) that fire on a
  /// clause, with their messages (the rule's, and what was measured).
  func measurements(_ clause: Clause, document: Document) -> [(rule: Int, message: String)] {
    guard !clauseMetrics.isEmpty else { return [] }
    // Most clauses are too short for any of these rules: count their words before their
    // syllables. A long clause is scored at once (the count would only say it is long).
    let score: ReadabilityScore
    if clause.range.count >= Self.scoredAtOnce {
      score = ReadabilityScore(bytes: document.bytes, range: clause.range)
    } else {
      let words = ReadabilityScore.wordCount(bytes: document.bytes, range: clause.range)
      let mayFire = clauseMetrics.contains { _, metric in
        words >= max(metric.minWords, 1) && (metric.measure != .words || metric.fires(Double(words)))
      }
      guard mayFire else { return [] }
      score = ReadabilityScore(bytes: document.bytes, range: clause.range)
    }
    var out: [(rule: Int, message: String)] = []
    for (rule, metric) in clauseMetrics {
      guard let value = Self.measure(metric, of: score), metric.fires(value) else { continue }
      let detail = " (\(score.words) words, reading ease \(score.readingEase.fixed(0)), grade \(score.gradeLevel.fixed(1)))"
      out.append((rule, engine.ruleSet.rules[rule].message + detail))
    }
    return out
  }
}
