/// What the clauses of a document said that document-level rules ask about: for each rule,
/// the clauses where its `when`, `report_at` and `requires` patterns matched; and where a clause
/// rule's `context` matched, headings included.
struct DocumentSignals {
  var when: [[Int]]
  var reportAt: [[Int]]
  var requires: [[Int]]
  var context: [[Int]]

  init(ruleCount: Int) {
    when = Array(repeating: [], count: ruleCount)
    reportAt = when
    requires = when
    context = when
  }

  /// Adds the signals of later clauses (recorded apart, on another thread).
  mutating func append(_ later: DocumentSignals) {
    for rule in when.indices {
      when[rule] += later.when[rule]
      reportAt[rule] += later.reportAt[rule]
      requires[rule] += later.requires[rule]
      context[rule] += later.context[rule]
    }
  }

  /// - Parameter requiresOnly: record only `requires` matches: a heading ("How to withdraw",
  ///   "How do I delete my data?") says that the document covers a topic, which is what a
  ///   requirement asks, but it is not where a document rule applies or is reported. A
  ///   `context` is recorded either way: a heading sets the topic of the clauses under it.
  mutating func record(_ result: RuleEngine.ClauseResult, clause: Int, requiresOnly: Bool = false) {
    for (role, _) in result.signals {
      switch role {
      case .when(let rule): if !requiresOnly && when[rule].last != clause { when[rule].append(clause) }
      case .reportAt(let rule): if !requiresOnly && reportAt[rule].last != clause { reportAt[rule].append(clause) }
      case .requires(let rule): if requires[rule].last != clause { requires[rule].append(clause) }
      case .context(let rule): if context[rule].last != clause { context[rule].append(clause) }
      case .primary: break
      }
    }
  }
}
