/// A finding as the pass over a document gathers it: the rule by index, where it stands and
/// what its clause is, but none of its strings (the rule's, the clause's, the match's).
///
/// A large document's findings are gathered, sorted and checked against the document rules in
/// this form, and their strings are made only once the clauses are let go: a `Finding` is
/// 216 bytes and its clause's text a string of its own, and with the clauses and every
/// finding held at once, 10 MB of text peaked at 50 MB of heap.
struct PendingFinding: SourceSpanned {
  /// The rule's index in the rule set.
  var rule: Int
  /// The matched text's byte range in the document's visible text.
  var range: Range<Int>
  /// The clause's byte range and headings.
  var clauseRange: Range<Int>
  var headings: [String]
  var span: SourceSpan
  /// The message when it is not the rule's own (a readability rule's measure, a document
  /// rule's "looked for").
  var message: String?
  var documentLevel: Bool

  init(rule: Int, range: Range<Int>, clause: Clause, span: SourceSpan, message: String? = nil, documentLevel: Bool = false) {
    self.rule = rule
    self.range = range
    self.clauseRange = clause.range
    self.headings = clause.headings
    self.span = span
    self.message = message
    self.documentLevel = documentLevel
  }
}

extension Linter {
  /// Findings made a thread at least: below two of these, one thread makes them all.
  static let minimumFindingChunk = 1024

  /// The findings of `pending`, in its order, their strings made now: a clause's text once for
  /// all the findings in it (`firstOfClause[i]`: the first pending finding of the same clause).
  /// Ranges of the order are made on `threads` threads (the run's last step on one thread
  /// otherwise), each making a clause's text once for the findings of it that it holds, in
  /// place in the one array returned: ranges made apart and joined after held every finding
  /// twice at the end (2.5 MB more at the peak of a 10 MB lint).
  func findings(_ pending: [PendingFinding], order: [Int], firstOfClause: [Int], document: Document) -> [Finding] {
    let rules = engine.ruleSet.rules
    let count = order.count
    return [Finding](unsafeUninitializedCapacity: count) { buffer, initialized in
      let slots = FindingSlots(base: buffer.baseAddress)
      _ = ParallelChunks.map(count: count, threads: threads, minimumChunk: Self.minimumFindingChunk) { range in
        var clauseTexts: [Int: String] = [:]
        for k in range {
          let i = order[k]
          let p = pending[i]
          let owner = firstOfClause[i]
          let text = clauseTexts[owner] ?? document.text(in: p.clauseRange)
          clauseTexts[owner] = text
          slots.initialize(
            k,
            to: Finding(
              rule: rules[p.rule].id, category: rules[p.rule].category, severity: rules[p.rule].severity,
              message: p.message ?? rules[p.rule].message, file: document.path, span: p.span,
              match: p.range == p.clauseRange ? text : document.text(in: p.range), clause: text, headings: p.headings,
              textRange: p.range, clauseRange: p.clauseRange, documentLevel: p.documentLevel))
        }
      }
      initialized = count
    }
  }
}

/// The room of the findings array, filled from several threads: each writes only the slots of
/// its own range, so no two threads touch one slot.
private struct FindingSlots: @unchecked Sendable {
  let base: UnsafeMutablePointer<Finding>?

  func initialize(_ index: Int, to finding: consuming Finding) {
    (base! + index).initialize(to: finding)
  }
}
