/// A finished `TokenAutomaton`'s tables that `run` and its prefilter read for every token,
/// copied once to raw memory: array subscripts checked bounds at every read of the hottest loop
/// of the linter.
/// Immutable after `init`, so sharing it across threads is safe. A value of raw pointers, so
/// that reading it counts no references: a class's count, changed for every clause by both
/// matching threads, bounced between the cores. `Storage` owns the memory.
struct FrozenTables: @unchecked Sendable {
  /// Holds a `FrozenTables` and frees its memory when the last automaton holding it goes.
  final class Storage: Sendable {
    let tables: FrozenTables
    init(_ tables: FrozenTables) { self.tables = tables }
    deinit { tables.deallocate() }
  }

  /// The nodes' and steps' records (ranges into the tables below, Bloom filters, targets).
  let packed: PackedNodes
  let acceptPatterns: UnsafeBufferPointer<Int32>
  let keys: UnsafeBufferPointer<TokenID>
  let keySteps: UnsafeBufferPointer<Int32>
  let wildSteps: UnsafeBufferPointer<Int32>
  let startOffsets: UnsafeBufferPointer<Int32>
  let startSteps: UnsafeBufferPointer<Int32>
  let startPatterns: UnsafeBufferPointer<Int32>
  let anchored: UnsafeBufferPointer<Bool>
  /// The patterns that are not anchored, a bit each: they may start a thread in any clause.
  let unanchoredBits: UnsafeBufferPointer<UInt64>
  /// Token IDs with at least `commonStartSteps` start steps ("the", "your", "data"): for each,
  /// -1 or its row, the patterns of its steps a bit each, as the words of the pattern bitset
  /// that are not zero (`commonStartWordIndex` and `commonStartWordBits` from
  /// `commonStartRowOffsets[row]` to `commonStartRowOffsets[row + 1]`). A clause lets few
  /// patterns through, so the walk picks the steps of those from such a token's list instead of
  /// testing each step in turn.
  let commonStartRow: UnsafeBufferPointer<Int32>
  let commonStartRowOffsets: UnsafeBufferPointer<Int32>
  let commonStartWordIndex: UnsafeBufferPointer<Int32>
  let commonStartWordBits: UnsafeBufferPointer<UInt64>
  static let commonStartSteps = 16
  /// Whether every pattern starts threads only in a clause that holds its anchor: then a clause
  /// that holds no pattern's anchor needs no walk at all.
  let allAnchored: Bool
  let breakerBits: UnsafeBufferPointer<UInt64>
  /// For each test: whether it is `.any` (a gap's "any token but a clause break").
  let isAny: UnsafeBufferPointer<Bool>
  // The prefilter's tables (see `TokenAutomaton.requirements`).
  let anchorOffsets: UnsafeBufferPointer<Int32>
  let anchorPatterns: UnsafeBufferPointer<Int32>
  /// Each pattern's requirements as one run of integers
  /// (`requirementProgram[requirementProgramOffsets[p]..<requirementProgramOffsets[p + 1]]`),
  /// so that checking a candidate reads one stretch of memory: a short set is its length `n`
  /// then its `n` IDs, inline; a long set is `~set` (negative), a row of `requirementBits` read
  /// through `requirementBitRow[set]`. Short sets come first, the shortest first: a pattern
  /// needs them all, so the order changes only how soon a clause without one is told.
  let requirementProgramOffsets: UnsafeBufferPointer<Int32>
  let requirementProgram: UnsafeBufferPointer<Int32>
  let requirementBitRow: UnsafeBufferPointer<Int32>
  let requirementBits: UnsafeBufferPointer<UInt64>

  init(_ automaton: TokenAutomaton) {
    let anyTests = Self.copy(automaton.tests.map { $0 == .any })
    isAny = anyTests
    packed = PackedNodes(automaton, isAny: anyTests)
    acceptPatterns = Self.copy(automaton.acceptPatterns)
    keys = Self.copy(automaton.keys)
    keySteps = Self.copy(automaton.keySteps)
    wildSteps = Self.copy(automaton.wildSteps)
    startOffsets = Self.copy(automaton.startOffsets)
    startSteps = Self.copy(automaton.startSteps)
    startPatterns = Self.copy(automaton.startPatterns)
    anchored = Self.copy(automaton.anchored)
    var unanchored = [UInt64](repeating: 0, count: (automaton.patternCount + 63) / 64)
    for (pattern, isAnchored) in automaton.anchored.enumerated() where !isAnchored {
      unanchored[pattern >> 6] |= 1 << UInt64(pattern & 63)
    }
    unanchoredBits = Self.copy(unanchored)
    // A token's start steps are in the order of their patterns (the builder lays them out
    // pattern by pattern), which picking by pattern keeps; a list that is not is never picked
    // from. This runs for every automaton at start-up: the common words are found on the raw
    // copies, only in a large automaton (a rule's own checks have few start steps), and the
    // table by ID ends at the last of them.
    let width = unanchored.count
    var common: [Int] = []
    let ids = startSteps.count >= 64 * Self.commonStartSteps ? max(startOffsets.count - 1, 0) : 0
    for id in 0..<ids where startOffsets[id + 1] - startOffsets[id] >= Self.commonStartSteps {
      var ordered = true
      for s in Int(startOffsets[id])..<Int(startOffsets[id + 1]) - 1 where startPatterns[s] > startPatterns[s + 1] {
        ordered = false
      }
      if ordered { common.append(id) }
    }
    var rows = [Int32](repeating: -1, count: common.last.map { $0 + 1 } ?? 0)
    var rowOffsets: [Int32] = [0]
    var wordIndex: [Int32] = []
    var wordBits: [UInt64] = []
    for id in common {
      let patterns = startPatterns[Int(startOffsets[id])..<Int(startOffsets[id + 1])]
      rows[id] = Int32(rowOffsets.count - 1)
      var row = [UInt64](repeating: 0, count: width)
      for pattern in patterns { row[Int(pattern) >> 6] |= 1 << UInt64(pattern & 63) }
      for (w, bits) in row.enumerated() where bits != 0 {
        wordIndex.append(Int32(w))
        wordBits.append(bits)
      }
      rowOffsets.append(Int32(wordIndex.count))
    }
    commonStartRow = Self.copy(rows)
    commonStartRowOffsets = Self.copy(rowOffsets)
    commonStartWordIndex = Self.copy(wordIndex)
    commonStartWordBits = Self.copy(wordBits)
    allAnchored = !automaton.anchored.contains(false)
    breakerBits = Self.copy(automaton.breakerBits)
    anchorOffsets = Self.copy(automaton.anchorOffsets)
    anchorPatterns = Self.copy(automaton.anchorPatterns)
    (requirementProgramOffsets, requirementProgram) = Self.requirementProgram(automaton)
    requirementBitRow = Self.copy(automaton.requirementBitRow)
    requirementBits = Self.copy(automaton.requirementBits)
  }

  /// Frees the tables' memory (`Storage` does, once).
  func deallocate() {
    packed.deallocate()
    for buffer in [
      acceptPatterns, keySteps, wildSteps, startOffsets, startSteps, startPatterns, anchorOffsets, anchorPatterns,
      requirementProgramOffsets, requirementProgram, requirementBitRow,
    ] {
      buffer.deallocate()
    }
    keys.deallocate()
    requirementBits.deallocate()
    anchored.deallocate()
    unanchoredBits.deallocate()
    commonStartRow.deallocate()
    commonStartRowOffsets.deallocate()
    commonStartWordIndex.deallocate()
    commonStartWordBits.deallocate()
    breakerBits.deallocate()
    isAny.deallocate()
  }

  /// `requirementProgramOffsets` and `requirementProgram` of `automaton`. The prefilter checks
  /// some thirty candidates a clause; following each requirement through its set's tables
  /// (offsets, then IDs elsewhere, then a memo of the clause's answer, which held for one check
  /// in five) cost more than reading a short set's few IDs again.
  private static func requirementProgram(
    _ automaton: TokenAutomaton
  ) -> (offsets: UnsafeBufferPointer<Int32>, program: UnsafeBufferPointer<Int32>) {
    // This runs for every automaton at start-up: the tables are taken out first (a closure
    // that captured the automaton copied it), and the sets are sorted in one buffer.
    let (requirementOffsets, requirements) = (automaton.requirementOffsets, automaton.requirements)
    let (idOffsets, ids, bitRow) = (automaton.requirementIDOffsets, automaton.requirementIDs, automaton.requirementBitRow)
    // A short set costs its length, a long one (a bitset row) more than any.
    let cost = bitRow.indices.map { bitRow[$0] < 0 ? Int(idOffsets[$0 + 1] - idOffsets[$0]) : .max }
    var offsets: [Int32] = [0]
    offsets.reserveCapacity(requirementOffsets.count)
    var program: [Int32] = []
    program.reserveCapacity(requirements.count + ids.count)
    var sets: [Int] = []
    for pattern in 0..<max(requirementOffsets.count - 1, 0) {
      sets.removeAll(keepingCapacity: true)
      // By insertion, ties to the lower set: the order is the same every run.
      for r in Int(requirementOffsets[pattern])..<Int(requirementOffsets[pattern + 1]) {
        let set = Int(requirements[r])
        var k = sets.count
        sets.append(set)
        while k > 0 && (cost[sets[k - 1]], sets[k - 1]) > (cost[set], set) {
          sets[k] = sets[k - 1]
          k -= 1
        }
        sets[k] = set
      }
      for set in sets {
        if bitRow[set] < 0 {
          program.append(idOffsets[set + 1] - idOffsets[set])
          for i in Int(idOffsets[set])..<Int(idOffsets[set + 1]) { program.append(Int32(bitPattern: ids[i])) }
        } else {
          program.append(~Int32(set))
        }
      }
      offsets.append(Int32(program.count))
    }
    return (copy(offsets), copy(program))
  }

  /// Whether a gap (`.any`) may skip `token`: any token but a clause break (`;`, `.`, `!`, `?`).
  @inline(__always)
  func gapCrosses(_ token: TokenID) -> Bool {
    let word = Int(token >> 6)
    return word >= breakerBits.count || breakerBits[word] & (1 << UInt64(token & 63)) == 0
  }

  /// A copy of `array` in memory of its own (never empty: an empty table still has an address).
  private static func copy<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
    _ = buffer.initialize(from: array)
    return UnsafeBufferPointer(start: buffer.baseAddress, count: array.count)
  }
}
