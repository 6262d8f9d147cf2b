extension TokenRegex {
  /// The most unbounded repetitions (`*`, `+`, `{n,}`, `{n,m}`) a pattern may hold: matching
  /// costs up to the word's length to the power of their number plus one (`x*x*x*y` took 1.2 s
  /// on a word of 200 x's), so with words capped at `maxWordBytes` two keep a word to
  /// milliseconds, and the time budget of a document stops the rest.
  static let maxRepetitions = 2

  /// Why a pattern could take exponential (or high polynomial) time on a long word, or nil.
  /// NSRegularExpression backtracks: `(x+x+)+y` against forty x's tries every way to split
  /// them, and a rule file (or a `.fineprint.yml`'s rule folder) is user input. Refused when
  /// loaded: a repeated group that itself repeats or holds alternatives (`(a+)+`, `(a|aa)*`,
  /// `(a*b?)*`), a back-reference (`(a)\1`), and more than `maxRepetitions` repetitions
  /// (`x+x+x+y`). A heuristic, not a proof: it refuses the shapes that blow up, and the escape
  /// hatch is for one word, where simple expressions suffice.
  static func backtrackingRisk(_ pattern: String) -> String? {
    if let risk = nestingRisk(pattern) { return risk }
    let count = repetitionCount(pattern)
    if count > maxRepetitions {
      return "it repeats \(count) times without a bound (*, +, {n,}); more than \(maxRepetitions) could take polynomial time"
    }
    return nil
  }

  /// How many repetitions of more than one the pattern holds (a character class or escape
  /// counts as one atom; `?` and `{n}` are no repetition).
  static func repetitionCount(_ pattern: String) -> Int {
    let p = Array(pattern.unicodeScalars)
    var count = 0
    var i = 0
    while i < p.count {
      switch p[i] {
      case "\\":
        i += 2
        continue
      case "[":
        i = classEnd(p, from: i)
        continue
      default:
        if let length = repetitionLength(p, at: i) {
          count += 1
          i += length
          continue
        }
      }
      i += 1
    }
    return count
  }

  /// The index just past the character class that opens at `start` (a `]` first in it is literal).
  private static func classEnd(_ p: [Unicode.Scalar], from start: Int) -> Int {
    var j = start + 1
    if j < p.count, p[j] == "^" { j += 1 }
    if j < p.count, p[j] == "]" { j += 1 }
    while j < p.count, p[j] != "]" { j += p[j] == "\\" ? 2 : 1 }
    return j + 1
  }

  /// The length of the repetition at `i` (`*`, `+`, `{n,}`, `{n,m}` with m > 1), if one is there.
  private static func repetitionLength(_ p: [Unicode.Scalar], at i: Int) -> Int? {
    guard i < p.count else { return nil }
    if p[i] == "*" || p[i] == "+" { return 1 }
    guard p[i] == "{", let close = p[i...].firstIndex(of: "}") else { return nil }
    let bounds = String(String.UnicodeScalarView(p[(i + 1)..<close])).split(separator: ",", omittingEmptySubsequences: false)
    guard Int(bounds.first ?? "") != nil, bounds.count == 2 else { return nil }
    if let high = Int(bounds[1]), high <= max(Int(bounds[0]) ?? 0, 1) { return nil }
    return close - i + 1
  }

  /// Why a pattern's groups could take exponential time, or nil.
  private static func nestingRisk(_ pattern: String) -> String? {
    let p = Array(pattern.unicodeScalars)
    // For each open group: whether it holds an unbounded repetition, and alternatives.
    var groups: [(repeats: Bool, alternatives: Bool)] = [(false, false)]
    var i = 0
    func repetition(at i: Int) -> Int? { repetitionLength(p, at: i) }
    while i < p.count {
      switch p[i] {
      case "\\":
        if i + 1 < p.count, ("1"..."9").contains(p[i + 1]) { return "it refers back to a group (\\\(p[i + 1]))" }
        i += 2
        if repetition(at: i) != nil { groups[groups.count - 1].repeats = true }
        continue
      case "[":
        i = classEnd(p, from: i)
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
