import Foundation

/// Matching's working memory, lent to the ranges of a document's clauses as threads take them
/// and handed back after: a range that made its own sized it anew to the automaton (about a
/// megabyte zeroed for a large rule set), and a lint cut into many ranges made one for each.
/// At most one set per thread is ever made.
final class MatchScratchPool: @unchecked Sendable {
  private var free: [RuleEngine.MatchScratch] = []
  private let lock = NSLock()

  /// A set of working memory: one handed back before, else a new one.
  func take() -> RuleEngine.MatchScratch {
    lock.lock()
    defer { lock.unlock() }
    return free.popLast() ?? RuleEngine.MatchScratch()
  }

  /// Hands a set back for the next range.
  func give(_ scratch: consuming RuleEngine.MatchScratch) {
    lock.lock()
    free.append(scratch)
    lock.unlock()
  }
}
