/// The matches of one rule's `with` and `unless` patterns in a clause, in the order found.
/// A flat list: a rule has a few such patterns and a clause a few matches of them, so a scan
/// beats building a dictionary of arrays for every rule that matched.
struct AuxMatches {
  var all: [TokenAutomaton.Match] = []

  /// Whether aux pattern `pattern` matched anywhere in the clause.
  func found(_ pattern: Int) -> Bool {
    all.contains { $0.pattern == pattern }
  }

  /// Whether a match of aux pattern `pattern` satisfies `condition`.
  func contains(_ pattern: Int, where condition: (TokenAutomaton.Match) -> Bool) -> Bool {
    all.contains { $0.pattern == pattern && condition($0) }
  }
}
