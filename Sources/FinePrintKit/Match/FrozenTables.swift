/// A finished `TokenAutomaton`'s tables that `run` and its prefilter read for every token,
/// copied once to raw memory: array subscripts checked bounds at every read of the hottest loop
/// of the linter.
/// Immutable after `init`, so sharing it across threads is safe.
final class FrozenTables: @unchecked Sendable {
  /// What the walk reads of a node, in one record: where its keyed steps, wildcard steps and
  /// accepted patterns stand in their tables, and whether any step leaves it. Read from six
  /// offset tables, a thread's step touched six cache lines.
  struct Node {
    var keyStart: Int32
    var keyEnd: Int32
    var wildStart: Int32
    var wildEnd: Int32
    var acceptStart: Int32
    var acceptEnd: Int32
    /// Whether a thread waiting here can step again (it has keyed or wildcard steps).
    var waits: Bool
  }

  /// What taking a step reads, in one record (`stepTarget`, `stepGapLimit`, `stepTest`,
  /// and whether the test is `.any`).
  struct Step {
    var target: Int32
    var gapLimit: Int32
    var test: Int32
    var isAny: Bool
  }

  /// A start step and the pattern it begins, side by side.
  struct Start {
    var step: Int32
    var pattern: Int32
  }

  let nodes: UnsafeBufferPointer<Node>
  let steps: UnsafeBufferPointer<Step>
  let starts: UnsafeBufferPointer<Start>
  let stepTest: UnsafeBufferPointer<Int32>
  let acceptPatterns: UnsafeBufferPointer<Int32>
  let keys: UnsafeBufferPointer<TokenID>
  let keySteps: UnsafeBufferPointer<Int32>
  let keyBloom: UnsafeBufferPointer<UInt64>
  let wildSteps: UnsafeBufferPointer<Int32>
  let startOffsets: UnsafeBufferPointer<Int32>
  let anchored: UnsafeBufferPointer<Bool>
  /// Whether every pattern starts threads only in a clause that holds its anchor: then a clause
  /// that holds no pattern's anchor needs no walk at all.
  let allAnchored: Bool
  let breakerBits: UnsafeBufferPointer<UInt64>
  /// For each test: whether it is `.any` (a gap's "any token but a clause break").
  let isAny: UnsafeBufferPointer<Bool>
  // The prefilter's tables (see `TokenAutomaton.requirements`).
  let anchorOffsets: UnsafeBufferPointer<Int32>
  let anchorPatterns: UnsafeBufferPointer<Int32>
  let requirementOffsets: UnsafeBufferPointer<Int32>
  let requirements: UnsafeBufferPointer<Int32>
  let requirementBitRow: UnsafeBufferPointer<Int32>
  let requirementBits: UnsafeBufferPointer<UInt64>
  let requirementIDOffsets: UnsafeBufferPointer<Int32>
  let requirementIDs: UnsafeBufferPointer<TokenID>

  init(_ automaton: TokenAutomaton) {
    let anyTest = automaton.tests.map { $0 == .any }
    let (keyOffsets, wildOffsets, acceptOffsets) = (automaton.keyOffsets, automaton.wildOffsets, automaton.acceptOffsets)
    nodes = Self.filled(automaton.nodeCount) { n in
      Node(
        keyStart: keyOffsets[n], keyEnd: keyOffsets[n + 1], wildStart: wildOffsets[n], wildEnd: wildOffsets[n + 1],
        acceptStart: acceptOffsets[n], acceptEnd: acceptOffsets[n + 1],
        waits: keyOffsets[n] != keyOffsets[n + 1] || wildOffsets[n] != wildOffsets[n + 1])
    }
    let (targets, limits, tests) = (automaton.stepTarget, automaton.stepGapLimit, automaton.stepTest)
    steps = Self.filled(tests.count) { s in
      Step(target: targets[s], gapLimit: limits[s], test: tests[s], isAny: anyTest[Int(tests[s])])
    }
    let (startSteps, startPatterns) = (automaton.startSteps, automaton.startPatterns)
    starts = Self.filled(startSteps.count) { Start(step: startSteps[$0], pattern: startPatterns[$0]) }
    stepTest = Self.copy(automaton.stepTest)
    acceptPatterns = Self.copy(automaton.acceptPatterns)
    keys = Self.copy(automaton.keys)
    keySteps = Self.copy(automaton.keySteps)
    keyBloom = Self.copy(automaton.keyBloom)
    wildSteps = Self.copy(automaton.wildSteps)
    startOffsets = Self.copy(automaton.startOffsets)
    anchored = Self.copy(automaton.anchored)
    allAnchored = !automaton.anchored.contains(false)
    breakerBits = Self.copy(automaton.breakerBits)
    isAny = Self.copy(anyTest)
    anchorOffsets = Self.copy(automaton.anchorOffsets)
    anchorPatterns = Self.copy(automaton.anchorPatterns)
    requirementOffsets = Self.copy(automaton.requirementOffsets)
    requirements = Self.copy(automaton.requirements)
    requirementBitRow = Self.copy(automaton.requirementBitRow)
    requirementBits = Self.copy(automaton.requirementBits)
    requirementIDOffsets = Self.copy(automaton.requirementIDOffsets)
    requirementIDs = Self.copy(automaton.requirementIDs)
  }

  deinit {
    nodes.deallocate()
    steps.deallocate()
    starts.deallocate()
    for buffer in [
      stepTest, acceptPatterns, keySteps, wildSteps, startOffsets, anchorOffsets, anchorPatterns,
      requirementOffsets, requirements, requirementBitRow, requirementIDOffsets,
    ] {
      buffer.deallocate()
    }
    keys.deallocate()
    requirementIDs.deallocate()
    requirementBits.deallocate()
    keyBloom.deallocate()
    anchored.deallocate()
    breakerBits.deallocate()
    isAny.deallocate()
  }

  /// `count` records made by `record(i)`, in memory of its own (never empty, as `copy`).
  private static func filled<T>(_ count: Int, _ record: (Int) -> T) -> UnsafeBufferPointer<T> {
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(count, 1))
    for i in 0..<count { (buffer.baseAddress! + i).initialize(to: record(i)) }
    return UnsafeBufferPointer(start: buffer.baseAddress, count: count)
  }

  /// A copy of `array` in memory of its own (never empty: an empty table still has an address).
  private static func copy<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
    _ = buffer.initialize(from: array)
    return UnsafeBufferPointer(start: buffer.baseAddress, count: array.count)
  }
}
