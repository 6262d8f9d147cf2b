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
    /// Two buffers of threads, one per node at most: the live threads and the next token's.
    var threadsA: [Thread] = []
    var threadsB: [Thread] = []
    /// For each node, the last token position a thread was added at, and where.
    var seen: [Int] = []
    var slot: [Int32] = []
    var generation = 0
    /// For each pattern, the run in which it was last found possible (minus the run while it is
    /// only a candidate; 0 never).
    var present: [Int] = []
    /// The patterns that may start a thread in the clause being matched, a bit each: the
    /// unanchored ones, and those `present` marks for this run. A start step tests one bit of
    /// this (a few cache lines) where it read the pattern's anchored flag and its `present` slot.
    var startable: [UInt64] = []
    var runs = 0
    /// The token IDs of the clause being matched, as a bitset; and the patterns whose anchor
    /// it holds, to check against their other requirements.
    var clauseIDs: [UInt64] = []
    /// The words of `clauseIDs` with a bit set (the first `touchedCount`): only they are
    /// cleared and compared. Sized once, like `candidates`.
    var touchedWords: [Int32] = []
    var touchedCount = 0
    var candidates: [Int32] = []
    /// For each long requirement (a bitset row), `2 × run + 1` if the clause of that run meets
    /// it, `2 × run` if not.
    var requirementMet: [Int] = []
  }

  var tests: [ElementTest] = []
  /// Words in a bitset over the vocabulary's token IDs (`breakerBits`, the prefilter's rows).
  var bitsetWidth = 0
  /// The compiled expression of each `.regex` test, by test index.
  var regexes: [Int: TokenRegex] = [:]
  /// Token IDs a gap never crosses (`;`, `.`, `!`, `?`), and as a bitset.
  var breakerIDs: [TokenID] = []
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
  /// The tables `run` reads for every token, in raw memory; set by `freeze()` once built.
  private(set) var frozen: FrozenTables.Storage?

  /// Copies the finished tables to raw memory for `run`. Call it after the last change.
  mutating func freeze() { frozen = FrozenTables.Storage(FrozenTables(self)) }

  /// Compiles the expression of each `.regex` test.
  mutating func compileRegexes() {
    regexes = [:]
    for (index, test) in tests.enumerated() {
      if case .regex(let pattern) = test { regexes[index] = try? TokenRegex(pattern) }
    }
  }

  /// Whether test `test` accepts token `token` (at index `index`, for regexes): any token but a
  /// clause break (a gap), a regex on the token's text, or an ID set. `run` asks only of gaps
  /// and regexes: a step on words is keyed by their IDs (`keys`) and never tested here.
  @inline(__always)
  func accepts(_ test: Int, _ token: TokenID, index: Int, text: (Int) -> String, in f: FrozenTables) -> Bool {
    if f.isAny[test] { return f.gapCrosses(token) }
    if let regex = regexes[test] { return regex.matches(text(index)) }
    guard case .ids(let ids) = tests[test] else { return false }
    return ids.sortedContains(token)
  }

  /// Every match of every pattern in `tokens`. `text(i)` gives token i's normalised text, for
  /// regex tests only.
  /// - Complexity: O(tokens × live threads × log steps per node).
  func run(_ tokens: ArraySlice<Token>, scratch: inout Scratch, text: (Int) -> String, onMatch: (Match) -> Void) {
    // Not `frozen ?? …`: the autoclosure captured a copy of the whole automaton.
    let storage: FrozenTables.Storage
    if let frozen { storage = frozen } else { storage = FrozenTables.Storage(FrozenTables(self)) }
    defer { withExtendedLifetime(storage) {} }
    let f = storage.tables
    let nodes = nodeCount
    if scratch.seen.count < nodes {
      scratch.seen = [Int](repeating: -1, count: nodes)
      scratch.slot = [Int32](repeating: 0, count: nodes)
    }
    if scratch.threadsA.count < nodes + 1 {
      scratch.threadsA = [Thread](repeating: Thread(node: 0, start: 0, skipped: 0), count: nodes + 1)
      scratch.threadsB = scratch.threadsA
    }
    // Which patterns' anchors occur in these tokens: only those may start a thread.
    if scratch.present.count < patternCount { scratch.present = [Int](repeating: 0, count: patternCount) }
    scratch.runs += 1
    let run = scratch.runs
    // No pattern can start here (every one is anchored, and no anchor is in the clause): no
    // thread would ever live, so the tokens need not be walked.
    guard markPresent(tokens, run: run, tables: f, scratch: &scratch) > 0 || !f.allAnchored else { return }
    var generation = scratch.generation
    let base = tokens.startIndex
    let earliest = prefersEarliestStart
    let packed = f.packed
    scratch.seen.withUnsafeMutableBufferPointer { seen in
      scratch.slot.withUnsafeMutableBufferPointer { slot in
        scratch.startable.withUnsafeBufferPointer { startable in
          scratch.threadsA.withUnsafeMutableBufferPointer { bufferA in
            scratch.threadsB.withUnsafeMutableBufferPointer { bufferB in
              var active = bufferA.baseAddress!
              var next = bufferB.baseAddress!
              var activeCount = 0
              for index in tokens.indices {
                let token = tokens[index].id
                let position = index - base
                generation += 1
                let stamp = generation
                var nextCount = 0
                let bloom = Self.bloomBit(token)

                /// Takes step `step` for a thread at `from` (-1 for a new match) that started at `start`.
                @inline(__always)
                func take(_ step: Int, from: Int32, start: Int, skipped: Int32) {
                  let stepRecord = packed.step(step)
                  let target = stepRecord[PackedNodes.targetField]
                  let limit = stepRecord[PackedNodes.gapLimitField]
                  var carried: Int32 = 0
                  if limit > 0 {
                    carried = (from == target ? skipped : 0) + 1
                    if carried > limit { return }
                  }
                  let t = Int(target)
                  let targetRecord = packed.node(t)
                  var (a, acceptEnd) = PackedNodes.bounds(targetRecord[PackedNodes.acceptRangeWord])
                  while a < acceptEnd {
                    onMatch(Match(pattern: Int(f.acceptPatterns[a]), start: start, end: position))
                    a += 1
                  }
                  // A node with no step out of it holds no thread.
                  guard
                    !PackedNodes.isEmpty(targetRecord[PackedNodes.keyRangeWord])
                      || !PackedNodes.isEmpty(targetRecord[PackedNodes.wildRangeWord])
                  else { return }
                  if seen[t] == stamp {
                    let k = Int(slot[t])
                    let old = next[k]
                    let preferred = earliest ? start < old.start : start > old.start
                    if carried < old.skipped || (carried == old.skipped && preferred) {
                      next[k] = Thread(node: target, start: start, skipped: carried)
                    }
                  } else {
                    seen[t] = stamp
                    slot[t] = Int32(nextCount)
                    next[nextCount] = Thread(node: target, start: start, skipped: carried)
                    nextCount += 1
                  }
                }

                var k = 0
                while k < activeCount {
                  let thread = active[k]
                  k += 1
                  let record = packed.node(Int(thread.node))
                  // Steps on this token ID: a bit test, then a binary search in the node's sorted keys.
                  var (low, end) = PackedNodes.bounds(record[PackedNodes.keyRangeWord])
                  if PackedNodes.mayStep(record, bloomBit: bloom) {
                    var high = end
                    while low < high {
                      let mid = (low + high) >> 1
                      if f.keys[mid] < token { low = mid + 1 } else { high = mid }
                    }
                    while low < end && f.keys[low] == token {
                      take(Int(f.keySteps[low]), from: thread.node, start: thread.start, skipped: thread.skipped)
                      low += 1
                    }
                  }
                  var (w, wildEnd) = PackedNodes.bounds(record[PackedNodes.wildRangeWord])
                  while w < wildEnd {
                    let step = Int(f.wildSteps[w])
                    let stepRecord = packed.step(step)
                    // A gap's step, nearly always: any token but a clause break.
                    let taken =
                      stepRecord[PackedNodes.isAnyField] != 0
                      ? f.gapCrosses(token)
                      : accepts(Int(stepRecord[PackedNodes.testField]), token, index: index, text: text, in: f)
                    if taken {
                      take(step, from: thread.node, start: thread.start, skipped: thread.skipped)
                    }
                    w += 1
                  }
                }
                let id = Int(token)
                if id + 1 < f.startOffsets.count {
                  var s = Int(f.startOffsets[id])
                  let end = Int(f.startOffsets[id + 1])
                  if end - s >= FrozenTables.commonStartSteps, id < f.commonStartRow.count,
                    case let row = Int(f.commonStartRow[id]), row >= 0
                  {
                    // A common word: the patterns of its steps that may start here, in order,
                    // each found by a binary search in the list (ordered by pattern).
                    for k in Int(f.commonStartRowOffsets[row])..<Int(f.commonStartRowOffsets[row + 1]) {
                      let w = Int(f.commonStartWordIndex[k])
                      var bits = f.commonStartWordBits[k] & startable[w]
                      while bits != 0 {
                        let pattern = Int32(w << 6 | bits.trailingZeroBitCount)
                        bits &= bits - 1
                        var high = end
                        while s < high {
                          let mid = (s + high) >> 1
                          if f.startPatterns[mid] < pattern { s = mid + 1 } else { high = mid }
                        }
                        while s < end && f.startPatterns[s] == pattern {
                          take(Int(f.startSteps[s]), from: -1, start: position, skipped: 0)
                          s += 1
                        }
                      }
                    }
                    s = end
                  }
                  while s < end {
                    let pattern = Int(f.startPatterns[s])
                    if startable[pattern >> 6] & (1 << UInt64(pattern & 63)) != 0 {
                      take(Int(f.startSteps[s]), from: -1, start: position, skipped: 0)
                    }
                    s += 1
                  }
                }
                for (r, step) in regexStarts.enumerated() {
                  let pattern = Int(regexStartPatterns[r])
                  guard startable[pattern >> 6] & (1 << UInt64(pattern & 63)) != 0,
                    accepts(Int(packed.step(Int(step))[PackedNodes.testField]), token, index: index, text: text, in: f)
                  else { continue }
                  take(Int(step), from: -1, start: position, skipped: 0)
                }
                swap(&active, &next)
                activeCount = nextCount
              }
            }
          }
        }
      }
    }
    scratch.generation = generation
  }

  /// Sets `scratch.present[p] = run` for every anchored pattern `p` whose requirements the
  /// clause's words all meet: a sound prefilter, never a cause of a missed match.
  ///
  /// It runs on every clause, so it works on raw buffers: array accesses checked bounds and
  /// uniqueness at every write, which cost as much as the work itself.
  /// - Returns: how many patterns it marked.
  private func markPresent(_ tokens: ArraySlice<Token>, run: Int, tables f: FrozenTables, scratch: inout Scratch) -> Int {
    let width = bitsetWidth
    if scratch.clauseIDs.count != width {
      scratch.clauseIDs = [UInt64](repeating: 0, count: width)
      scratch.touchedWords = [Int32](repeating: 0, count: width)
      scratch.touchedCount = 0
    }
    if scratch.candidates.count < patternCount {
      scratch.candidates = [Int32](repeating: 0, count: patternCount)
    }
    if scratch.startable.count != f.unanchoredBits.count {
      scratch.startable = [UInt64](repeating: 0, count: f.unanchoredBits.count)
    }
    if scratch.requirementMet.count < requirementBitRow.count {
      scratch.requirementMet = [Int](repeating: 0, count: requirementBitRow.count)
    }
    var touchedCount = scratch.touchedCount
    var candidateCount = 0
    var marked = 0
    scratch.clauseIDs.withUnsafeMutableBufferPointer { ids in
      scratch.touchedWords.withUnsafeMutableBufferPointer { touched in
        scratch.present.withUnsafeMutableBufferPointer { present in
          scratch.candidates.withUnsafeMutableBufferPointer { candidates in
            scratch.requirementMet.withUnsafeMutableBufferPointer { memo in
              scratch.startable.withUnsafeMutableBufferPointer { startable in
                for t in 0..<touchedCount { ids[Int(touched[t])] = 0 }
                for w in startable.indices { startable[w] = f.unanchoredBits[w] }
                touchedCount = 0
                for token in tokens {
                  let id = Int(token.id)
                  let word = id >> 6
                  guard word < width else { continue }
                  let bit: UInt64 = 1 << UInt64(id & 63)
                  // A word seen before in this clause has marked its patterns already.
                  guard ids[word] & bit == 0 else { continue }
                  if ids[word] == 0 {
                    touched[touchedCount] = Int32(word)
                    touchedCount += 1
                  }
                  ids[word] |= bit
                  guard id + 1 < f.anchorOffsets.count else { continue }
                  var a = Int(f.anchorOffsets[id])
                  let end = Int(f.anchorOffsets[id + 1])
                  while a < end {
                    let pattern = Int(f.anchorPatterns[a])
                    if present[pattern] != -run {
                      present[pattern] = -run
                      candidates[candidateCount] = Int32(pattern)
                      candidateCount += 1
                    }
                    a += 1
                  }
                }
                for c in 0..<candidateCount {
                  let pattern = Int(candidates[c])
                  var met = true
                  var r = Int(f.requirementProgramOffsets[pattern])
                  let end = Int(f.requirementProgramOffsets[pattern + 1])
                  while met && r < end {
                    let head = Int(f.requirementProgram[r])
                    r += 1
                    if head >= 0 {
                      // A short set: `head` IDs, inline.
                      let idEnd = r + head
                      met = false
                      while !met && r < idEnd {
                        let id = Int(f.requirementProgram[r])
                        met = ids[id >> 6] & (1 << UInt64(id & 63)) != 0
                        r += 1
                      }
                      r = idEnd
                      continue
                    }
                    // A long set: a row of the bitset, read once a clause (the answer is kept).
                    let set = ~head
                    let memoized = memo[set]
                    if memoized >> 1 == run {
                      met = memoized & 1 == 1
                      continue
                    }
                    // Up to the first word of the clause in the row, not past it.
                    let rowStart = Int(f.requirementBitRow[set]) * width
                    met = false
                    var t = 0
                    while !met && t < touchedCount {
                      let w = Int(touched[t])
                      met = f.requirementBits[rowStart + w] & ids[w] != 0
                      t += 1
                    }
                    memo[set] = run << 1 | (met ? 1 : 0)
                  }
                  if met {
                    present[pattern] = run
                    startable[pattern >> 6] |= 1 << UInt64(pattern & 63)
                    marked += 1
                  }
                }
              }
            }
          }
        }
      }
    }
    scratch.touchedCount = touchedCount
    return marked
  }

  /// `run` with working memory of its own, for one-off use.
  func run(_ tokens: ArraySlice<Token>, text: (Int) -> String, onMatch: (Match) -> Void) {
    var scratch = Scratch()
    run(tokens, scratch: &scratch, text: text, onMatch: onMatch)
  }
}
