extension TokenRegex {
  /// Why a pattern could take exponential time on a long word, or nil. NSRegularExpression
  /// backtracks: `(x+x+)+y` against forty x's tries every way to split them, and a rule file
  /// (or a `.fineprint.yml`'s rule folder) is user input. Refused when loaded: a repeated group
  /// that itself repeats or holds alternatives (`(a+)+`, `(a|aa)*`, `(a*b?)*`) and a back-reference
  /// (`(a)\1`). A heuristic, not a proof: it refuses the shapes that blow up, and the escape
  /// hatch is for one word, where simple expressions suffice.
  static func backtrackingRisk(_ pattern: String) -> String? {
    let p = Array(pattern.unicodeScalars)
    // For each open group: whether it holds an unbounded repetition, and alternatives.
    var groups: [(repeats: Bool, alternatives: Bool)] = [(false, false)]
    var i = 0
    /// The repetition at `i` (`*`, `+`, `{n,}`, `{n,m}` with m > 1), if any, and its length.
    func repetition(at i: Int) -> Int? {
      guard i < p.count else { return nil }
      if p[i] == "*" || p[i] == "+" { return 1 }
      guard p[i] == "{", let close = p[i...].firstIndex(of: "}") else { return nil }
      let bounds = String(String.UnicodeScalarView(p[(i + 1)..<close])).split(separator: ",", omittingEmptySubsequences: false)
      guard let low = Int(bounds.first ?? ""), bounds.count <= 2 else { return nil }
      if bounds.count == 2, let high = Int(bounds[1]), high <= max(low, 1) { return nil }
      if bounds.count == 1 { return nil }
      return close - i + 1
    }
    while i < p.count {
      switch p[i] {
      case "\\":
        if i + 1 < p.count, ("1"..."9").contains(p[i + 1]) { return "it refers back to a group (\\\(p[i + 1]))" }
        i += 2
        if repetition(at: i) != nil { groups[groups.count - 1].repeats = true }
        continue
      case "[":
        // A character class: skip to its closing bracket (a `]` first in it is literal).
        var j = i + 1
        if j < p.count, p[j] == "^" { j += 1 }
        if j < p.count, p[j] == "]" { j += 1 }
        while j < p.count, p[j] != "]" { j += p[j] == "\\" ? 2 : 1 }
        i = j + 1
        if repetition(at: i) != nil { groups[groups.count - 1].repeats = true }
        continue
      case "(":
        groups.append((false, false))
      case "|":
        groups[groups.count - 1].alternatives = true
      case ")":
        guard groups.count > 1 else { break }
        let group = groups.removeLast()
        if repetition(at: i + 1) != nil {
          if group.repeats { return "it repeats a group that itself repeats" }
          if group.alternatives { return "it repeats a group of alternatives" }
          groups[groups.count - 1].repeats = true
        }
        if group.repeats { groups[groups.count - 1].repeats = true }
      default:
        if let length = repetition(at: i) {
          groups[groups.count - 1].repeats = true
          i += length
          continue
        }
      }
      i += 1
    }
    return nil
  }
}
