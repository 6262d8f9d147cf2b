/// A token automaton in a compiled rule image: its tables, with offsets by token ID written
/// sparsely (most token IDs start no pattern of a rule's own checks); checked on
/// load so that `run`, which reads them through unchecked pointers, never reads out of bounds.
extension ImageWriter {
  mutating func automaton(_ a: TokenAutomaton) {
    list(a.tests) { w, test in
      switch test {
      case .any: w.int(0)
      case .ids(let ids):
        w.int(1)
        w.integers(ids)
      case .regex(let pattern):
        w.int(2)
        w.string(pattern)
      }
    }
    int(a.bitsetWidth)
    integers(a.breakerIDs)
    for table in [a.stepTest, a.stepTarget, a.stepGapLimit] { integers(table) }
    offsets(a.acceptOffsets)
    integers(a.acceptPatterns)
    offsets(a.keyOffsets)
    integers(a.keys)
    integers(a.keySteps)
    integers(a.keyBloom)
    offsets(a.wildOffsets)
    integers(a.wildSteps)
    offsets(a.startOffsets)
    for table in [a.startSteps, a.startPatterns, a.regexStarts, a.regexStartPatterns] { integers(table) }
    offsets(a.anchorOffsets)
    integers(a.anchorPatterns)
    integers(a.anchored.map { $0 ? UInt8(1) : 0 })
    offsets(a.requirementOffsets)
    integers(a.requirements)
    integers(a.requirementBitRow)
    integers(a.requirementBits)
    offsets(a.requirementIDOffsets)
    integers(a.requirementIDs)
    int(a.patternCount)
    bool(a.prefersEarliestStart)
  }

  /// Offsets into a table (non-decreasing, from 0) as the rows that are not empty: most token
  /// IDs start no pattern of a rule's own checks.
  private mutating func offsets(_ table: [Int32]) {
    int(table.count)
    var rows: [Int32] = []
    var lengths: [Int32] = []
    for (row, (start, end)) in zip(table, table.dropFirst()).enumerated() where end != start {
      rows.append(Int32(row))
      lengths.append(end - start)
    }
    integers(rows)
    integers(lengths)
  }
}

extension ImageReader {
  /// - Parameter width: the bitset width of the engine's vocabulary, which the tests' bitsets take.
  mutating func automaton(width: Int) throws(RuleImageError) -> TokenAutomaton {
    var a = TokenAutomaton()
    a.tests = try list { r throws(RuleImageError) in
      switch try r.int(in: 0..<3) {
      case 0: return .any
      case 1: return .ids(try r.integers())
      default: return .regex(try r.string())
      }
    }
    a.bitsetWidth = try int(in: width..<width + 1)
    a.breakerIDs = try integers()
    a.breakerBits = AutomatonBuilder.bitset(a.breakerIDs, width: a.bitsetWidth)
    a.stepTest = try integers()
    a.stepTarget = try integers()
    a.stepGapLimit = try integers()
    a.acceptOffsets = try offsets()
    a.acceptPatterns = try integers()
    a.keyOffsets = try offsets()
    a.keys = try integers()
    a.keySteps = try integers()
    a.keyBloom = try integers()
    a.wildOffsets = try offsets()
    a.wildSteps = try integers()
    a.startOffsets = try offsets()
    a.startSteps = try integers()
    a.startPatterns = try integers()
    a.regexStarts = try integers()
    a.regexStartPatterns = try integers()
    a.anchorOffsets = try offsets()
    a.anchorPatterns = try integers()
    a.anchored = try integers(UInt8.self).map { $0 != 0 }
    a.requirementOffsets = try offsets()
    a.requirements = try integers()
    a.requirementBitRow = try integers()
    a.requirementBits = try integers()
    a.requirementIDOffsets = try offsets()
    a.requirementIDs = try integers()
    a.patternCount = try int(in: 0..<1 << 24)
    a.prefersEarliestStart = try bool()
    a.compileRegexes()
    try a.validate()
    for (index, test) in a.tests.enumerated() {
      if case .regex(let pattern) = test, a.regexes[index] == nil { throw .malformed("invalid regex /\(pattern)/") }
    }
    a.freeze()
    return a
  }

  /// What `ImageWriter.offsets` wrote.
  private mutating func offsets() throws(RuleImageError) -> [Int32] {
    let count = try int(in: 1..<1 << 22)
    let rows: [Int32] = try integers()
    let lengths: [Int32] = try integers()
    guard rows.count == lengths.count, zip(rows, rows.dropFirst()).allSatisfy({ $0 < $1 }),
      rows.allSatisfy({ $0 >= 0 && $0 < count - 1 }), lengths.allSatisfy({ $0 > 0 })
    else { throw .malformed("sparse offsets out of order") }
    var table = [Int32](repeating: 0, count: count)
    var total: Int32 = 0
    var next = 0
    for row in 0..<count - 1 {
      if next < rows.count && rows[next] == row {
        total &+= lengths[next]
        next += 1
      }
      table[row + 1] = total
    }
    return table
  }
}

extension TokenAutomaton {
  /// Checks that every offset, index and row of the tables lies within the table it points
  /// into, as `run` and its prefilter assume.
  func validate() throws(RuleImageError) {
    let nodes = acceptOffsets.count - 1
    let steps = stepTest.count
    let width = bitsetWidth
    func offsets(_ table: [Int32], _ name: String, count: Int? = nil, ending end: Int) throws(RuleImageError) {
      guard table.first == 0, table.last == Int32(end), count.map({ table.count == $0 }) ?? true,
        zip(table, table.dropFirst()).allSatisfy({ $0 <= $1 })
      else { throw .malformed("the offsets of \(name) do not fit it") }
    }
    func within<T: FixedWidthInteger>(_ table: [T], _ name: String, _ bound: Int, from low: Int = 0) throws(RuleImageError) {
      guard table.allSatisfy({ Int($0) >= low && Int($0) < bound }) else { throw .malformed("\(name) points outside") }
    }
    guard nodes >= 0, stepTarget.count == steps, stepGapLimit.count == steps, keyBloom.count == nodes * 4,
      breakerBits.count == width, anchored.count == patternCount,
      requirementIDOffsets.count == requirementBitRow.count + 1
    else { throw .malformed("the automaton's tables differ in length") }
    try offsets(acceptOffsets, "accepts", ending: acceptPatterns.count)
    try offsets(keyOffsets, "keys", count: nodes + 1, ending: keys.count)
    try offsets(wildOffsets, "wildcards", count: nodes + 1, ending: wildSteps.count)
    try offsets(startOffsets, "starts", ending: startSteps.count)
    try offsets(anchorOffsets, "anchors", ending: anchorPatterns.count)
    try offsets(requirementOffsets, "requirements", count: patternCount + 1, ending: requirements.count)
    try offsets(requirementIDOffsets, "requirement words", ending: requirementIDs.count)
    guard keySteps.count == keys.count, startPatterns.count == startSteps.count,
      regexStartPatterns.count == regexStarts.count
    else { throw .malformed("the automaton's tables differ in length") }
    try within(stepTest, "a step's test", tests.count)
    try within(stepTarget, "a step's target", nodes)
    for table in [keySteps, wildSteps, startSteps, regexStarts] { try within(table, "a step", steps) }
    for table in [acceptPatterns, startPatterns, regexStartPatterns, anchorPatterns] {
      try within(table, "a pattern", patternCount)
    }
    try within(requirements, "a requirement", requirementBitRow.count)
    try within(requirementBitRow, "a requirement row", max(requirementBits.count / max(width, 1), 0), from: -1)
    try within(requirementIDs, "a requirement word", width << 6)
  }
}
