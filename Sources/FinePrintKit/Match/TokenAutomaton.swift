/// Many token patterns compiled into one nondeterministic automaton over token IDs, run in a
/// single left-to-right pass per clause.
///
/// A *node* is a set of pattern positions (an epsilon closure); a *step* is one transition
/// out of a node, with a test on the next token. A live thread sits at a node; for each token
/// it looks up the steps its node takes on that token ID (a binary search in the node's sorted
/// table) and tests the node's few wildcard steps (gaps, regexes). Start steps are indexed by
/// token ID, so a token no pattern starts with costs one array lookup. A gap `..N` is one
/// looping step whose thread counts the tokens it has skipped. Cost: linear in the clause's
/// length times the (small) number of live threads.
struct TokenAutomaton: Sendable {
  /// One match of pattern `pattern` over tokens `start...end` (indices into the token array).
  struct Match: Hashable, Sendable {
    var pattern: Int
    var start: Int
    var end: Int
  }

  /// A live thread: the node it waits at, the token its match started at, and how many
  /// tokens the node's gap loop has skipped so far.
  struct Thread {
    var node: Int32
    var start: Int
    var skipped: Int32
  }

  /// Reusable working memory for `run`, so matching a clause allocates nothing.
  struct Scratch {
    var active: [Thread] = []
    var next: [Thread] = []
    /// For each node, the last token position a thread was added at, and where.
    var seen: [Int] = []
    var slot: [Int32] = []
    var generation = 0
    /// For each pattern, the run in which it was last found possible (minus the run while it is
    /// only a candidate; 0 never).
    var present: [Int] = []
    var runs = 0
    /// The token IDs of the clause being matched, as a bitset; and the patterns whose anchor
    /// it holds, to check against their other requirements.
    var clauseIDs: [UInt64] = []
    /// The words of `clauseIDs` with a bit set: only they are cleared and compared.
    var touchedWords: [Int32] = []
    var candidates: [Int32] = []
    /// For each requirement, `2 × run + 1` if the clause of that run meets it, `2 × run` if not.
    var requirementMet: [Int] = []
  }

  var tests: [ElementTest] = []
  /// For `.ids` tests: where its bitset over token IDs starts in `bits` (-1 for other tests).
  var bitsetOffsets: [Int] = []
  var bitsetWidth = 0
  var bits: [UInt64] = []
  var regexes: [Int: TokenRegex] = [:]
  /// Token IDs a gap never crosses (`;`, `.`, `!`, `?`), as a bitset.
  var breakerBits: [UInt64] = []

  // Steps.
  var stepTest: [Int32] = []
  var stepTarget: [Int32] = []
  /// For a gap's looping step: the most tokens the gap may skip (0 otherwise).
  var stepGapLimit: [Int32] = []

  // Nodes: accepted patterns, steps by token ID (sorted keys), and wildcard steps.
  var acceptOffsets: [Int32] = [0]
  var acceptPatterns: [Int32] = []
  var keyOffsets: [Int32] = [0]
  var keys: [TokenID] = []
  var keySteps: [Int32] = []
  /// For each node, a 256-bit Bloom filter (4 words from `node * 4`) of the token IDs it has
  /// keyed steps on: most threads wait in a gap and most tokens take no step, so one bit test
  /// spares the binary search. Small enough to stay in cache, unlike an exact table.
  var keyBloom: [UInt64] = []

  @inline(__always)
  static func bloomBit(_ id: TokenID) -> Int { Int((UInt32(truncatingIfNeeded: id) &* 0x9E37_79B1) >> 24) }
  var wildOffsets: [Int32] = [0]
  var wildSteps: [Int32] = []

  /// Start steps by the first token ID they accept: `startSteps[startOffsets[i]..<startOffsets[i + 1]]`.
  var startOffsets: [Int32] = [0]
  var startSteps: [Int32] = []
  /// The pattern each start step begins.
  var startPatterns: [Int32] = []
  /// Start steps whose test is a regex, tried on every token, and their patterns.
  var regexStarts: [Int32] = []
  var regexStartPatterns: [Int32] = []
  /// The prefilter: patterns by the token IDs that anchor them
  /// (`anchorPatterns[anchorOffsets[i]..<anchorOffsets[i + 1]]`); a pattern with an anchor
  /// starts threads only in a clause that holds one of its anchor's IDs.
  var anchorOffsets: [Int32] = [0]
  var anchorPatterns: [Int32] = []
  var anchored: [Bool] = []
  /// Each pattern's requirements, sets of token IDs of which a match holds one each:
  /// `requirements[requirementOffsets[p]..<requirementOffsets[p + 1]]` index the sets.
  var requirementOffsets: [Int32] = [0]
  var requirements: [Int32] = []
  /// A set is a row of `bitsetWidth` words in `requirementBits` when `requirementBitRow[set]`
  /// is not -1, else the IDs `requirementIDs[requirementIDOffsets[set]..<requirementIDOffsets[set + 1]]`.
  var requirementBitRow: [Int32] = []
  var requirementBits: [UInt64] = []
  var requirementIDOffsets: [Int32] = [0]
  var requirementIDs: [TokenID] = []
  var patternCount = 0
  /// Of two threads at one node, keep the one whose match started earlier (else later, so a
  /// finding marks the fewest words). A rule's `unless` checks need the earliest start: in
  /// `{match} ,? to refuse` the match of ", to refuse" must not give way to "to refuse".
  var prefersEarliestStart = false
  var nodeCount: Int { acceptOffsets.count - 1 }

  /// Whether test `test` accepts token `token` (at index `index`, for regexes).
  @inline(__always)
  func accepts(_ test: Int, _ token: TokenID, index: Int, text: (Int) -> String) -> Bool {
    let offset = bitsetOffsets[test]
    if offset >= 0 {
      let word = Int(token >> 6)
      guard word < bitsetWidth else { return false }
      return bits[offset + word] & (1 << UInt64(token & 63)) != 0
    }
    switch tests[test] {
    case .any:
      let word = Int(token >> 6)
      return word >= breakerBits.count || breakerBits[word] & (1 << UInt64(token & 63)) == 0
    case .regex: return regexes[test]?.matches(text(index)) ?? false
    case .ids: return false
    }
  }

  /// Every match of every pattern in `tokens`. `text(i)` gives token i's normalised text, for
  /// regex tests only.
  /// - Complexity: O(tokens × live threads × log steps per node).
  func run(_ tokens: ArraySlice<Token>, scratch: inout Scratch, text: (Int) -> String, onMatch: (Match) -> Void) {
    if scratch.seen.count < nodeCount {
      scratch.seen = [Int](repeating: -1, count: nodeCount)
      scratch.slot = [Int32](repeating: 0, count: nodeCount)
    }
    scratch.active.removeAll(keepingCapacity: true)
    // Which patterns' anchors occur in these tokens: only those may start a thread.
    if scratch.present.count < patternCount { scratch.present = [Int](repeating: 0, count: patternCount) }
    scratch.runs += 1
    let run = scratch.runs
    markPresent(tokens, run: run, scratch: &scratch)
    let base = tokens.startIndex
    for index in tokens.indices {
      let token = tokens[index].id
      let position = index - base
      scratch.generation += 1
      let stamp = scratch.generation
      scratch.next.removeAll(keepingCapacity: true)
      let bloom = Self.bloomBit(token)

      /// Takes step `step` for a thread at `from` (-1 for a new match) that started at `start`.
      @inline(__always)
      func take(_ step: Int, from: Int32, start: Int, skipped: Int32, _ scratch: inout Scratch) {
        let target = stepTarget[step]
        let limit = stepGapLimit[step]
        var carried: Int32 = 0
        if limit > 0 {
          carried = (from == target ? skipped : 0) + 1
          if carried > limit { return }
        }
        let t = Int(target)
        var a = Int(acceptOffsets[t])
        let acceptEnd = Int(acceptOffsets[t + 1])
        while a < acceptEnd {
          onMatch(Match(pattern: Int(acceptPatterns[a]), start: start, end: position))
          a += 1
        }
        guard keyOffsets[t] != keyOffsets[t + 1] || wildOffsets[t] != wildOffsets[t + 1] else { return }
        if scratch.seen[t] == stamp {
          let k = Int(scratch.slot[t])
          let old = scratch.next[k]
          let preferred = prefersEarliestStart ? start < old.start : start > old.start
          if carried < old.skipped || (carried == old.skipped && preferred) {
            scratch.next[k] = Thread(node: target, start: start, skipped: carried)
          }
        } else {
          scratch.seen[t] = stamp
          scratch.slot[t] = Int32(scratch.next.count)
          scratch.next.append(Thread(node: target, start: start, skipped: carried))
        }
      }

      var k = 0
      while k < scratch.active.count {
        let thread = scratch.active[k]
        k += 1
        let n = Int(thread.node)
        // Steps on this token ID: a bit test, then a binary search in the node's sorted keys.
        var low = Int(keyOffsets[n])
        var high = Int(keyOffsets[n + 1])
        if keyBloom[n << 2 + bloom >> 6] & (1 << UInt64(bloom & 63)) == 0 { high = low }
        while low < high {
          let mid = (low + high) >> 1
          if keys[mid] < token { low = mid + 1 } else { high = mid }
        }
        let end = Int(keyOffsets[n + 1])
        while low < end && keys[low] == token {
          take(Int(keySteps[low]), from: thread.node, start: thread.start, skipped: thread.skipped, &scratch)
          low += 1
        }
        var w = Int(wildOffsets[n])
        let wildEnd = Int(wildOffsets[n + 1])
        while w < wildEnd {
          let step = Int(wildSteps[w])
          if accepts(Int(stepTest[step]), token, index: index, text: text) {
            take(step, from: thread.node, start: thread.start, skipped: thread.skipped, &scratch)
          }
          w += 1
        }
      }
      let id = Int(token)
      if id + 1 < startOffsets.count {
        var s = Int(startOffsets[id])
        let end = Int(startOffsets[id + 1])
        while s < end {
          let pattern = Int(startPatterns[s])
          if !anchored[pattern] || scratch.present[pattern] == run {
            take(Int(startSteps[s]), from: -1, start: position, skipped: 0, &scratch)
          }
          s += 1
        }
      }
      for (r, step) in regexStarts.enumerated() {
        let pattern = Int(regexStartPatterns[r])
        guard !anchored[pattern] || scratch.present[pattern] == run,
          accepts(Int(stepTest[Int(step)]), token, index: index, text: text)
        else { continue }
        take(Int(step), from: -1, start: position, skipped: 0, &scratch)
      }
      swap(&scratch.active, &scratch.next)
    }
  }

  /// Sets `scratch.present[p] = run` for every anchored pattern `p` whose requirements the
  /// clause's words all meet: a sound prefilter, never a cause of a missed match.
  private func markPresent(_ tokens: ArraySlice<Token>, run: Int, scratch: inout Scratch) {
    if scratch.clauseIDs.count != bitsetWidth {
      scratch.clauseIDs = [UInt64](repeating: 0, count: bitsetWidth)
    } else {
      for w in scratch.touchedWords { scratch.clauseIDs[Int(w)] = 0 }
    }
    scratch.touchedWords.removeAll(keepingCapacity: true)
    scratch.candidates.removeAll(keepingCapacity: true)
    for token in tokens {
      let id = Int(token.id)
      guard id >> 6 < bitsetWidth else { continue }
      let bit: UInt64 = 1 << UInt64(id & 63)
      // A word seen before in this clause has marked its patterns already.
      guard scratch.clauseIDs[id >> 6] & bit == 0 else { continue }
      if scratch.clauseIDs[id >> 6] == 0 { scratch.touchedWords.append(Int32(id >> 6)) }
      scratch.clauseIDs[id >> 6] |= bit
      guard id + 1 < anchorOffsets.count else { continue }
      var a = Int(anchorOffsets[id])
      let end = Int(anchorOffsets[id + 1])
      while a < end {
        let pattern = Int(anchorPatterns[a])
        if scratch.present[pattern] != -run {
          scratch.present[pattern] = -run
          scratch.candidates.append(Int32(pattern))
        }
        a += 1
      }
    }
    if scratch.requirementMet.count < requirementBitRow.count {
      scratch.requirementMet = [Int](repeating: 0, count: requirementBitRow.count)
    }
    for candidate in scratch.candidates {
      let pattern = Int(candidate)
      var met = true
      var r = Int(requirementOffsets[pattern])
      let end = Int(requirementOffsets[pattern + 1])
      while met && r < end {
        let set = Int(requirements[r])
        r += 1
        let memo = scratch.requirementMet[set]
        if memo >> 1 == run {
          met = memo & 1 == 1
          continue
        }
        let row = Int(requirementBitRow[set])
        if row >= 0 {
          var any: UInt64 = 0
          let rowStart = row * bitsetWidth
          for w in scratch.touchedWords { any |= requirementBits[rowStart + Int(w)] & scratch.clauseIDs[Int(w)] }
          met = any != 0
        } else {
          met = false
          var i = Int(requirementIDOffsets[set])
          let idEnd = Int(requirementIDOffsets[set + 1])
          while !met && i < idEnd {
            let id = Int(requirementIDs[i])
            met = scratch.clauseIDs[id >> 6] & (1 << UInt64(id & 63)) != 0
            i += 1
          }
        }
        scratch.requirementMet[set] = run << 1 | (met ? 1 : 0)
      }
      if met { scratch.present[pattern] = run }
    }
  }

  /// `run` with working memory of its own, for one-off use.
  func run(_ tokens: ArraySlice<Token>, text: (Int) -> String, onMatch: (Match) -> Void) {
    var scratch = Scratch()
    run(tokens, scratch: &scratch, text: text, onMatch: onMatch)
  }
}
