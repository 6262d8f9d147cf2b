/// Where a rule's `context` may stand for a clause: in the clause itself, in the clauses just
/// before it in its section (never across a heading), or in a heading it stands under. A
/// passage states its topic once ("What happens if I withdraw?", "You may leave the study at
/// any time.") and the sentences after it speak within it ("The answers collected so far will
/// be kept."); the window lets a rule read them so, where a clause alone says too little.
struct ContextWindow {
  /// How many clauses before a clause, in its section, may set its context.
  static let clausesBefore = 3

  private let kinds: [Clause.Kind]
  /// For each clause, the heading clause it stands under (for a heading, its parent), or -1.
  private let enclosing: [Int32]
  /// For each rule, the clauses where its `context` matched, in order.
  private let found: [[Int]]

  /// - Parameter found: for each rule, the clauses where its `context` matched, in order.
  init(clauses: [Clause], found: [[Int]]) {
    self.found = found
    kinds = clauses.map(\.kind)
    var enclosing = [Int32](repeating: -1, count: clauses.count)
    // The open headings, outermost first: a heading's `headings` are its parents; another
    // clause's end with the heading it stands under.
    var open: [Int] = []
    for (index, clause) in clauses.enumerated() {
      let depth = clause.headings.count
      if clause.kind == .heading {
        open.removeLast(max(0, open.count - depth))
        enclosing[index] = Int32(open.last ?? -1)
        open.append(index)
      } else if depth > 0 && depth <= open.count {
        enclosing[index] = Int32(open[depth - 1])
      }
    }
    self.enclosing = enclosing
  }

  /// The clause where rule `rule`'s context holds for clause `index`: the clause itself, one of
  /// the `clausesBefore` clauses before it that no heading separates from it, or a heading it
  /// stands under; nil when there is none.
  func holder(rule: Int, clause index: Int) -> Int? {
    let marks = found[rule]
    guard !marks.isEmpty else { return nil }
    var j = index
    while j >= 0 && index - j <= Self.clausesBefore {
      if marks.sortedContains(j) { return j }
      if kinds[j] == .heading { break }
      j -= 1
    }
    var heading = Int(enclosing[index])
    while heading >= 0 {
      if marks.sortedContains(heading) { return heading }
      heading = Int(enclosing[heading])
    }
    return nil
  }
}
