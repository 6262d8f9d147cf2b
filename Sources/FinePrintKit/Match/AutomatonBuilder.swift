/// Builds a `TokenAutomaton` from parsed patterns (Thompson's construction, then epsilon
/// closure), against a vocabulary in which every word of every pattern is already interned.
struct AutomatonBuilder {
  struct Failure: Error {
    var reason: String
  }

  private struct RawState {
    /// `limit` > 0 marks the self-loop of a gap of at most `limit` tokens.
    var edges: [(test: Int, target: Int, limit: Int)] = []
    var epsilon: [Int] = []
    var accept: [Int32] = []
  }

  let vocabulary: Vocabulary
  let words: WordSets
  let lexicons: [String: PatternNode]
  let breakers: Set<TokenID>

  private var raw: [RawState] = []
  private var tests: [ElementTest] = []
  private var testIndex: [ElementTest: Int] = [:]
  private var starts: [Int] = []
  private var patternCount = 0
  /// For each pattern, every set of token IDs a match holds one of (none: e.g. a pattern that
  /// is all regex or optional).
  private var requirements: [[[TokenID]]] = []

  /// How common each token ID is (a share of texts); the anchor is the requirement least
  /// likely to occur. Empty: judge by the number of IDs alone.
  let frequency: [Double]

  /// The IDs a prefix or `#number` stands for, found once for all of a rule set's builders:
  /// finding them for each use scanned the whole vocabulary each time.
  struct WordSets {
    /// For each prefix a pattern names: the IDs of the words and prefix entries starting with it.
    var prefixes: [String: [TokenID]] = [:]
    /// The IDs of numbers the rules name.
    var numbers: [TokenID] = []

    init(vocabulary: Vocabulary, prefixIDs: [String: TokenID]) {
      var members: [String: Set<TokenID>] = [:]
      for id in 1..<vocabulary.count {
        let word = vocabulary.word(for: TokenID(id))
        if word.hasSuffix("*") { continue }
        if AutomatonBuilder.isNumeric(word) { numbers.append(TokenID(id)) }
        var prefix = ""
        for character in word {
          prefix.append(character)
          if prefixIDs[prefix] != nil { members[prefix, default: []].insert(TokenID(id)) }
        }
      }
      for prefix in prefixIDs.keys {
        for (other, id) in prefixIDs where other.hasPrefix(prefix) { members[prefix, default: []].insert(id) }
      }
      prefixes = members.mapValues { $0.sorted() }
    }
  }

  init(
    vocabulary: Vocabulary, words: WordSets, lexicons: [String: PatternNode], breakers: Set<TokenID>,
    frequency: [Double] = []
  ) {
    self.vocabulary = vocabulary
    self.words = words
    self.lexicons = lexicons
    self.breakers = breakers
    self.frequency = frequency
  }

  /// How likely a clause is to hold one of `ids`.
  private func likelihood(_ ids: [TokenID]) -> Double {
    guard !frequency.isEmpty else { return Double(ids.count) }
    return ids.reduce(0) { $0 + (Int($1) < frequency.count ? frequency[Int($1)] : 1) }
  }

  /// Adds a pattern; returns its index in the automaton's matches.
  @discardableResult
  mutating func add(_ node: PatternNode) throws(Failure) -> Int {
    if node.canBeEmpty { throw Failure(reason: "the pattern can match no words at all") }
    if case .sequence(let items) = node, let first = items.first, case .gap = first {
      throw Failure(reason: "a pattern cannot start with a gap")
    }
    let entry = newState()
    starts.append(entry)
    let exit = try build(node, from: entry, depth: 0)
    let pattern = patternCount
    raw[exit].accept.append(Int32(pattern))
    patternCount += 1
    requirements.append(necessary(node, depth: 0))
    return pattern
  }

  private mutating func newState() -> Int {
    raw.append(RawState())
    return raw.count - 1
  }

  private mutating func test(_ test: ElementTest) -> Int {
    if let index = testIndex[test] { return index }
    tests.append(test)
    testIndex[test] = tests.count - 1
    return tests.count - 1
  }

  private mutating func edge(_ from: Int, _ element: ElementTest) -> Int {
    let target = newState()
    raw[from].edges.append((test(element), target, 0))
    return target
  }

  private mutating func build(_ node: PatternNode, from entry: Int, depth: Int) throws(Failure) -> Int {
    guard depth < 32 else { throw Failure(reason: "lexicons refer to each other in a cycle") }
    switch node {
    case .words(let words):
      return edge(entry, .ids(ids(ofWords: words)))
    case .prefix(let prefix):
      return edge(entry, .ids(ids(withPrefix: prefix)))
    case .regex(let pattern):
      return edge(entry, .regex(pattern))
    case .lexicon(let name):
      guard let lexicon = lexicons[name] else { throw Failure(reason: "unknown lexicon '@\(name)'") }
      return try build(lexicon, from: entry, depth: depth + 1)
    case .sequence(let items):
      var current = entry
      for item in items { current = try build(item, from: current, depth: depth) }
      return current
    case .alternation(let branches):
      let exit = newState()
      for branch in branches {
        let start = newState()
        raw[entry].epsilon.append(start)
        let end = try build(branch, from: start, depth: depth)
        raw[end].epsilon.append(exit)
      }
      return exit
    case .optional(let inner):
      let exit = try build(inner, from: entry, depth: depth)
      raw[entry].epsilon.append(exit)
      return exit
    case .gap(let max):
      // One state that loops on any token, counting: a thread carries how many tokens it has
      // skipped, so a gap of 30 costs one live step, not thirty.
      let loop = newState()
      let exit = newState()
      raw[entry].epsilon.append(loop)
      raw[loop].epsilon.append(exit)
      raw[loop].edges.append((test(.any), loop, max))
      return exit
    case .matchAnchor:
      throw Failure(reason: "{match} can only stand in an 'unless' pattern")
    case .withinAnchor:
      throw Failure(reason: "{within} can only start an 'unless' pattern")
    }
  }

  /// The IDs a word list accepts.
  private func ids(ofWords words: [String]) -> [TokenID] {
    var ids = Set(words.compactMap { vocabulary.id(of: $0) })
    if words.contains("#number") {
      // Numbers a rule names are in the vocabulary; every other number gets #number's ID.
      ids.formUnion(self.words.numbers)
    }
    return ids.sorted()
  }

  /// Sets of token IDs of which a match of `node` must contain one each: a prefilter, so that
  /// a pattern whose rare words are absent from a clause starts no thread there. Sound, never
  /// exact: optional parts, gaps and regexes require nothing, and alternatives require only
  /// the union of one requirement from each.
  private func necessary(_ node: PatternNode, depth: Int) -> [[TokenID]] {
    guard depth < 32 else { return [] }
    switch node {
    case .words(let words): return [ids(ofWords: words)]
    case .prefix(let prefix): return [ids(withPrefix: prefix)]
    case .regex, .gap, .matchAnchor, .withinAnchor, .optional: return []
    case .lexicon(let name): return lexicons[name].map { necessary($0, depth: depth + 1) } ?? []
    case .sequence(let items): return items.flatMap { necessary($0, depth: depth) }
    case .alternation(let branches):
      var union = Set<TokenID>()
      for branch in branches {
        guard let smallest = necessary(branch, depth: depth).min(by: { $0.count < $1.count }) else { return [] }
        union.formUnion(smallest)
      }
      return [union.sorted()]
    }
  }

  static func isNumeric(_ word: String) -> Bool {
    guard let first = word.unicodeScalars.first, ("0"..."9").contains(first) else { return false }
    return word.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "," }
  }

  /// IDs of every interned word starting with `prefix`, and of the prefix entries that do.
  private func ids(withPrefix prefix: String) -> [TokenID] {
    words.prefixes[prefix] ?? []
  }

  /// The finished automaton.
  func finish() -> TokenAutomaton {
    // Steps are the raw edges. A node is the epsilon closure of a raw state: the edges that
    // leave it and the patterns it completes. Identical closures share a node.
    var stepOf: [[Int]] = Array(repeating: [], count: raw.count)
    var edges: [(test: Int, target: Int, limit: Int)] = []
    for (state, value) in raw.enumerated() {
      for e in value.edges {
        stepOf[state].append(edges.count)
        edges.append(e)
      }
    }
    func closure(_ state: Int) -> (steps: [Int], accepts: [Int32]) {
      var seen: Set<Int> = [state]
      var stack = [state]
      var steps: [Int] = []
      var accepts: [Int32] = []
      while let s = stack.popLast() {
        steps.append(contentsOf: stepOf[s])
        accepts.append(contentsOf: raw[s].accept)
        for e in raw[s].epsilon where seen.insert(e).inserted { stack.append(e) }
      }
      return (steps.sorted(), Array(Set(accepts)).sorted())
    }
    struct NodeKey: Hashable {
      var steps: [Int]
      var accepts: [Int32]
    }
    var nodeIndex: [NodeKey: Int] = [:]
    var nodes: [NodeKey] = []
    var nodeOfState: [Int: Int] = [:]
    func node(ofState state: Int) -> Int {
      if let n = nodeOfState[state] { return n }
      let c = closure(state)
      let key = NodeKey(steps: c.steps, accepts: c.accepts)
      let n: Int
      if let existing = nodeIndex[key] {
        n = existing
      } else {
        n = nodes.count
        nodes.append(key)
        nodeIndex[key] = n
      }
      nodeOfState[state] = n
      return n
    }
    var automaton = TokenAutomaton()
    let width = (vocabulary.count + 63) / 64
    automaton.bitsetWidth = width
    automaton.tests = tests
    automaton.patternCount = patternCount
    automaton.stepTest = edges.map { Int32($0.test) }
    automaton.stepGapLimit = edges.map { Int32($0.limit) }
    automaton.stepTarget = edges.map { Int32(node(ofState: $0.target)) }
    // Nodes may be discovered while laying out others; lay out until none is new.
    var laidOut = 0
    while laidOut < nodes.count {
      let key = nodes[laidOut]
      laidOut += 1
      automaton.acceptPatterns.append(contentsOf: key.accepts)
      automaton.acceptOffsets.append(Int32(automaton.acceptPatterns.count))
      var keyed: [(TokenID, Int32)] = []
      for step in key.steps {
        _ = node(ofState: edges[step].target)
        switch tests[edges[step].test] {
        case .ids(let ids): keyed.append(contentsOf: ids.map { ($0, Int32(step)) })
        case .any, .regex: automaton.wildSteps.append(Int32(step))
        }
      }
      keyed.sort { ($0.0, $0.1) < ($1.0, $1.1) }
      automaton.keys.append(contentsOf: keyed.map(\.0))
      automaton.keySteps.append(contentsOf: keyed.map(\.1))
      automaton.keyOffsets.append(Int32(automaton.keys.count))
      automaton.wildOffsets.append(Int32(automaton.wildSteps.count))
    }
    automaton.stepTarget = edges.map { Int32(node(ofState: $0.target)) }
    // For each node, a Bloom filter of the token IDs it has keyed steps on.
    automaton.keyBloom = [UInt64](repeating: 0, count: nodes.count * 4)
    for n in 0..<nodes.count {
      for k in Int(automaton.keyOffsets[n])..<Int(automaton.keyOffsets[n + 1]) {
        let bit = TokenAutomaton.bloomBit(automaton.keys[k])
        automaton.keyBloom[n * 4 + bit >> 6] |= 1 << UInt64(bit & 63)
      }
    }
    automaton.compileRegexes()
    var startsByID: [[(step: Int32, pattern: Int32)]] = Array(repeating: [], count: vocabulary.count)
    for (pattern, entry) in starts.enumerated() {
      for step in closure(entry).steps {
        switch tests[edges[step].test] {
        case .ids(let ids):
          for id in ids where Int(id) < startsByID.count { startsByID[Int(id)].append((Int32(step), Int32(pattern))) }
        case .regex:
          automaton.regexStarts.append(Int32(step))
          automaton.regexStartPatterns.append(Int32(pattern))
        case .any:
          break
        }
      }
    }
    // Tables by token ID end at the last ID with an entry: `run` gives an ID past the end none,
    // and a rule's own checks name few words, so most of a vocabulary-long table was empty.
    while startsByID.last?.isEmpty == true { startsByID.removeLast() }
    for steps in startsByID {
      automaton.startSteps.append(contentsOf: steps.map(\.step))
      automaton.startPatterns.append(contentsOf: steps.map(\.pattern))
      automaton.startOffsets.append(Int32(automaton.startSteps.count))
    }
    // Each pattern's anchor: the requirement least likely to occur in a clause.
    let anchors = requirements.map { $0.min { (likelihood($0), $0.count) < (likelihood($1), $1.count) } ?? [] }
    var anchoredByID: [[Int32]] = Array(repeating: [], count: vocabulary.count)
    for (pattern, ids) in anchors.enumerated() {
      for id in ids where Int(id) < anchoredByID.count { anchoredByID[Int(id)].append(Int32(pattern)) }
    }
    while anchoredByID.last?.isEmpty == true { anchoredByID.removeLast() }
    for patterns in anchoredByID {
      automaton.anchorPatterns.append(contentsOf: patterns)
      automaton.anchorOffsets.append(Int32(automaton.anchorPatterns.count))
    }
    automaton.anchored = anchors.map { !$0.isEmpty }
    // Every requirement once (patterns share lexicons): a short one as its IDs, a long one as
    // a bitset over token IDs. A clause with the anchor but without another needed word then
    // starts no thread either.
    var requirementIndex: [[TokenID]: Int32] = [:]
    for required in requirements {
      var seen: Set<[TokenID]> = []
      // In order, not through a Set: the tables (and a compiled image) are the same every build.
      for ids in required where ids.count < vocabulary.count - 1 && seen.insert(ids).inserted {
        let index: Int32
        if let existing = requirementIndex[ids] {
          index = existing
        } else {
          index = Int32(automaton.requirementBitRow.count)
          requirementIndex[ids] = index
          if ids.count <= 16 {
            automaton.requirementBitRow.append(-1)
            automaton.requirementIDs.append(contentsOf: ids.filter { Int($0 >> 6) < width })
          } else {
            automaton.requirementBitRow.append(Int32(automaton.requirementBits.count / width))
            automaton.requirementBits.append(contentsOf: Self.bitset(ids, width: width))
          }
          automaton.requirementIDOffsets.append(Int32(automaton.requirementIDs.count))
        }
        automaton.requirements.append(index)
      }
      automaton.requirementOffsets.append(Int32(automaton.requirements.count))
    }
    automaton.breakerIDs = breakers.sorted()
    automaton.breakerBits = Self.bitset(breakers, width: width)
    automaton.freeze()
    return automaton
  }

  /// `ids` as a bitset of `width` words (IDs beyond it are left out).
  static func bitset<S: Sequence<TokenID>>(_ ids: S, width: Int) -> [UInt64] {
    var words = [UInt64](repeating: 0, count: width)
    for id in ids where Int(id >> 6) < width { words[Int(id >> 6)] |= 1 << UInt64(id & 63) }
    return words
  }
}
