/// Many token patterns compiled into one nondeterministic automaton over token IDs, run in a
/// single left-to-right pass per clause.
///
/// Each state is one step of some pattern (a test on the next token) together with the steps
/// that may follow it, epsilon moves already folded in. Start steps are indexed by token ID, so
/// a token no pattern starts with costs one array lookup. The set of live steps stays small
/// because patterns are short; the cost is linear in the clause's length.
struct TokenAutomaton: Sendable {
  /// One match of pattern `pattern` over tokens `start...end` (indices into the token array).
  struct Match: Hashable, Sendable {
    var pattern: Int
    var start: Int
    var end: Int
  }

  struct Step: Sendable {
    var test: Int
    var next: [Int32]
    var accepts: [Int32]
  }

  var steps: [Step] = []
  var tests: [ElementTest] = []
  /// For `.ids` tests: where its bitset over token IDs starts in `bits` (-1 for other tests).
  /// Every bitset is `bitsetWidth` 64-bit words, enough for the whole frozen vocabulary.
  var bitsetOffsets: [Int] = []
  var bitsetWidth = 0
  var bits: [UInt64] = []
  var regexes: [Int: TokenRegex] = [:]
  /// Token IDs a gap never crosses (`;`, `.`, `!`, `?`).
  var breakers: Set<TokenID> = []
  /// Start steps by the first token ID they accept.
  var startsByID: [TokenID: [Int32]] = [:]
  /// Start steps whose test is a regex, tried on every token.
  var regexStarts: [Int32] = []
  var patternCount = 0

  /// Whether step test `test` accepts token `token` (at index `index`, for regexes).
  @inline(__always)
  func accepts(_ test: Int, _ token: TokenID, index: Int, text: (Int) -> String) -> Bool {
    let offset = bitsetOffsets[test]
    if offset >= 0 {
      let word = Int(token >> 6)
      guard word < bitsetWidth else { return false }
      return bits[offset + word] & (1 << UInt64(token & 63)) != 0
    }
    switch tests[test] {
    case .any: return !breakers.contains(token)
    case .regex: return regexes[test]?.matches(text(index)) ?? false
    case .ids: return false
    }
  }

  /// Every match of every pattern in `tokens`. `text(i)` gives token i's normalised text, for
  /// regex tests only.
  /// - Complexity: O(tokens × live steps).
  func run(_ tokens: ArraySlice<Token>, text: (Int) -> String, onMatch: (Match) -> Void) {
    var active: [(step: Int32, start: Int)] = []
    var next: [(step: Int32, start: Int)] = []
    var seen = [Int](repeating: -1, count: steps.count)
    let base = tokens.startIndex
    for index in tokens.indices {
      let token = tokens[index].id
      let position = index - base
      next.removeAll(keepingCapacity: true)
      func advance(_ stepIndex: Int32, from start: Int) {
        let step = steps[Int(stepIndex)]
        for pattern in step.accepts { onMatch(Match(pattern: Int(pattern), start: start, end: position)) }
        for target in step.next {
          let t = Int(target)
          if seen[t] == position {
            if let k = next.firstIndex(where: { $0.step == target }), next[k].start < start { next[k].start = start }
          } else {
            seen[t] = position
            next.append((target, start))
          }
        }
      }
      for (stepIndex, start) in active where accepts(steps[Int(stepIndex)].test, token, index: index, text: text) {
        advance(stepIndex, from: start)
      }
      if let starts = startsByID[token] {
        for stepIndex in starts { advance(stepIndex, from: position) }
      }
      for stepIndex in regexStarts where accepts(steps[Int(stepIndex)].test, token, index: index, text: text) {
        advance(stepIndex, from: position)
      }
      swap(&active, &next)
    }
  }
}
