import Foundation

/// The findings of a document once its inline suppressions are applied.
public struct LintResult: Sendable {
  /// Findings to report.
  public var findings: [Finding]
  /// Findings an inline suppression silenced, with its justification in `suppression`.
  public var suppressed: [Finding]
  /// Suppressions that are wrong: naming no rule, expired, or suppressing nothing
  /// (`file:line: …`, for the user to fix).
  public var problems: [String]
}

extension Linter {
  /// Lints a document and applies the suppressions written in it.
  /// - Parameter today: the date expiries are checked against.
  /// The document is consumed: its blocks are let go once it is cut into clauses.
  public func lintApplyingSuppressions(_ document: consuming Document, today: Date = Date()) -> LintResult {
    (try? lintApplyingSuppressions(consume document, today: today, deadline: nil))
      ?? LintResult(findings: [], suppressed: [], problems: [])
  }

  /// Lints a document and applies the suppressions written in it, within a time budget of
  /// `budgetSeconds` that ends at `deadline` (the clock is read between clauses).
  /// - Throws: `LintError.timedOut` naming the document and where it was.
  public func lintApplyingSuppressions(
    _ document: consuming Document, today: Date = Date(), deadline: ContinuousClock.Instant,
    budgetSeconds: Int
  ) throws(LintError) -> LintResult {
    try lintApplyingSuppressions(
      consume document, today: today, deadline: Deadline(instant: deadline, seconds: budgetSeconds))
  }

  private func lintApplyingSuppressions(
    _ document: consuming Document, today: Date, deadline: Deadline?
  ) throws(LintError) -> LintResult {
    let clauses = segmenter.clauses(in: document, threads: threads)
    // Nothing after this reads the blocks (a document's paragraphs, 1.6 MB for 10 MB of text):
    // let go, they are not held while the findings are made.
    document.blocks = []
    // A clause cut into pieces is said, with where it starts.
    let cuts = ClauseSegmenter.cutWarnings(clauses, in: document, limit: segmenter.maxClauseBytes)
    let directives = document.comments.compactMap(Suppression.parse)
    // What the suppressions read of the clauses (where each starts, in the text and in the
    // source) is taken before the clauses go to `lint`, which lets them go early.
    let clauseTextStarts = directives.isEmpty ? [] : clauses.map(\.range.lowerBound)
    let all = try lint(document, clauses: consume clauses, documentRules: true, deadline: deadline)
    guard !directives.isEmpty else { return LintResult(findings: all, suppressed: [], problems: cuts) }
    var problems: [String] = cuts
    func place(_ s: Suppression) -> String {
      let at = document.lineIndex.location(ofOffset: s.range.lowerBound)
      return "\(document.path):\(at.line):\(at.column)"
    }
    // Where each finding stands in the source, to compare with the comments.
    let sourceStart = { (f: Finding) in document.sourceMap.sourceStart(ofText: f.textStart) }
    let clauseStarts = clauseTextStarts.map { document.sourceMap.sourceStart(ofText: $0) }
    var active: [Suppression] = []
    var scopes: [(suppression: Suppression, covers: (Finding) -> Bool)] = []
    for s in directives.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      if s.kind != .enable && s.targets.isEmpty {
        let example = s.reason.isEmpty ? "" : " (\(s.kind.rawValue) RULE: \(s.reason))"
        problems.append(
          "\(place(s)): \(s.kind.rawValue) names no rule, so it suppresses nothing: write a rule ID or category after it, before the colon\(example)"
        )
        continue
      }
      if let expires = s.expires, expires <= today {
        problems.append("\(place(s)): suppression of \(s.targets.joined(separator: ", ")) expired; review it or remove it")
        continue
      }
      switch s.kind {
      case .nextLine:
        // The next clause after the comment.
        guard let next = clauseStarts.enumerated().first(where: { $0.element >= s.range.upperBound }) else { continue }
        let clauseStart = clauseTextStarts[next.offset]
        scopes.append((s, { $0.clauseStart == clauseStart }))
      case .disable:
        active.append(s)
      case .enable:
        let closing = active.filter { s.targets.isEmpty || !Set($0.targets).isDisjoint(with: s.targets) }
        active.removeAll { a in closing.contains(a) }
        for open in closing {
          let range = open.range.upperBound..<s.range.lowerBound
          scopes.append((open, { range.contains(sourceStart($0)) }))
        }
      }
    }
    for open in active {  // disabled to the end of the document
      let from = open.range.upperBound
      scopes.append((open, { sourceStart($0) >= from }))
    }
    var findings: [Finding] = []
    var suppressed: [Finding] = []
    var used = Set<Int>()
    for f in all {
      let aliases = engine.ruleSet.rule(f.rule)?.aliases ?? []
      if let k = scopes.firstIndex(where: { $0.suppression.covers(f, aliases: aliases) && $0.covers(f) }) {
        var silenced = f
        silenced.suppression = scopes[k].suppression.justification
        suppressed.append(silenced)
        used.insert(k)
      } else {
        findings.append(f)
      }
    }
    for (k, scope) in scopes.enumerated() where !used.contains(k) {
      problems.append(
        "\(place(scope.suppression)): suppression of \(scope.suppression.targets.joined(separator: ", ")) suppresses nothing; remove it"
      )
    }
    return LintResult(findings: findings, suppressed: suppressed, problems: problems)
  }
}
