/// A `TokenAutomaton`'s nodes and steps as `run` reads them for every live thread and token,
/// each packed into one record. A thread at a node read its keyed-step range, its Bloom filter
/// and its wildcard-step range from three tables, and taking a step read the step's target and
/// gap limit from two more and the target's accepted patterns and step ranges from three
/// others, each in a cache line of its own: now a node is 32 bytes (two to an aligned cache
/// line) and a step 16 (cachegrind, 1.5 MB of terms: D1 misses 9.5 M -> 8.5 M).
///
/// Owned by `FrozenTables`, which frees it (`deallocate()`); immutable after `init`.
struct PackedNodes {
  /// Words a node's record takes: a Bloom filter of the token IDs it has keyed steps on (the
  /// automaton's 256-bit filter folded to 64 bits: 256 bits a node made the table twice as
  /// large, for no fewer misses), then its keyed steps', wildcard steps' and accepted patterns'
  /// ranges, each a start in the low half of a word and an end in the high.
  static let nodeWords = 4
  static let keyRangeWord = 1
  static let wildRangeWord = 2
  static let acceptRangeWord = 3
  /// Int32s a step's record takes: its target node, its gap limit (0 when not a gap), its test,
  /// and 1 when that test is `.any` (a gap's "any token but a clause break"), else 0.
  static let stepWords = 4
  static let targetField = 0
  static let gapLimitField = 1
  static let testField = 2
  static let isAnyField = 3

  let nodes: UnsafeMutablePointer<UInt64>
  let steps: UnsafeMutablePointer<Int32>

  /// The records of `automaton`; `isAny[t]` tells whether its test `t` is `.any`.
  init(_ automaton: TokenAutomaton, isAny: UnsafeBufferPointer<Bool>) {
    let nodeCount = automaton.nodeCount
    let raw = UnsafeMutableRawPointer.allocate(byteCount: max(nodeCount, 1) * Self.nodeWords * 8, alignment: 64)
    nodes = raw.bindMemory(to: UInt64.self, capacity: max(nodeCount, 1) * Self.nodeWords)
    // Every word of every record is written below (words are trivial: no zeroing first, which
    // took as long as the writing), and an empty table's one record here.
    if nodeCount == 0 { nodes.initialize(repeating: 0, count: Self.nodeWords) }
    // This runs for every automaton at start-up: the tables are read on raw memory.
    let nodes = self.nodes
    automaton.keyOffsets.withUnsafeBufferPointer { keyOffsets in
      automaton.wildOffsets.withUnsafeBufferPointer { wildOffsets in
        automaton.acceptOffsets.withUnsafeBufferPointer { acceptOffsets in
          automaton.keyBloom.withUnsafeBufferPointer { bloom in
            for n in 0..<nodeCount {
              let record = nodes + n * Self.nodeWords
              // Bit `b & 63` for each bit `b` of the automaton's filter (`mayStep`).
              record[0] = bloom[n * 4] | bloom[n * 4 + 1] | bloom[n * 4 + 2] | bloom[n * 4 + 3]
              record[Self.keyRangeWord] = Self.range(keyOffsets[n], keyOffsets[n + 1])
              record[Self.wildRangeWord] = Self.range(wildOffsets[n], wildOffsets[n + 1])
              record[Self.acceptRangeWord] = Self.range(acceptOffsets[n], acceptOffsets[n + 1])
            }
          }
        }
      }
    }
    let stepCount = automaton.stepTarget.count
    steps = .allocate(capacity: max(stepCount, 1) * Self.stepWords)
    if stepCount == 0 { steps.initialize(repeating: 0, count: Self.stepWords) }
    let steps = self.steps
    automaton.stepTarget.withUnsafeBufferPointer { targets in
      automaton.stepGapLimit.withUnsafeBufferPointer { limits in
        automaton.stepTest.withUnsafeBufferPointer { tests in
          for s in 0..<stepCount {
            let record = steps + s * Self.stepWords
            let test = Int(tests[s])
            record[Self.targetField] = targets[s]
            record[Self.gapLimitField] = limits[s]
            record[Self.testField] = tests[s]
            record[Self.isAnyField] = test < isAny.count && isAny[test] ? 1 : 0
          }
        }
      }
    }
  }

  func deallocate() {
    UnsafeMutableRawPointer(nodes).deallocate()
    steps.deallocate()
  }

  /// The record of node `n`.
  @inline(__always)
  func node(_ n: Int) -> UnsafeMutablePointer<UInt64> { nodes + n &* Self.nodeWords }

  /// The record of step `s`.
  @inline(__always)
  func step(_ s: Int) -> UnsafeMutablePointer<Int32> { steps + s &* Self.stepWords }

  /// Whether the node of `record` may have a keyed step on a token whose
  /// `TokenAutomaton.bloomBit` is `bit`: false only when it has none.
  @inline(__always)
  static func mayStep(_ record: UnsafeMutablePointer<UInt64>, bloomBit bit: Int) -> Bool {
    record[0] & (1 << UInt64(bit & 63)) != 0
  }

  /// A range word: `start` in the low half, `end` in the high.
  private static func range(_ start: Int32, _ end: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: start)) | UInt64(UInt32(bitPattern: end)) << 32
  }

  /// Whether a range word holds nothing (its start is its end).
  @inline(__always)
  static func isEmpty(_ word: UInt64) -> Bool { word >> 32 == word & 0xFFFF_FFFF }

  /// The start and end of a range word.
  @inline(__always)
  static func bounds(_ word: UInt64) -> (start: Int, end: Int) {
    (Int(UInt32(truncatingIfNeeded: word)), Int(word >> 32))
  }
}
