/// A compiled rule engine as bytes: what the build writes for the bundled rules, so a run
/// loads them in a few milliseconds instead of parsing and compiling them; and what
/// `RuleCache` keeps for rule folders. Decoding checks every table it reads.
extension RuleEngine {
  /// The first bytes of an image; the last one is the format's version.
  static let imageMagic = Array("FPRULES".utf8) + [4]

  /// The engine as a compiled rule image.
  public func image() -> [UInt8] {
    var w = ImageWriter()
    w.integers(Self.imageMagic)
    w.string(FinePrintVersion.current)
    w.ruleSet(ruleSet)
    // The tokenizer: the vocabulary in ID order, then the prefixes and the number ID.
    w.list(Array(1..<tokenizer.vocabulary.count)) { $0.string(tokenizer.vocabulary.word(for: TokenID($1))) }
    w.list(tokenizer.prefixes.entries) { w, entry in
      w.string(entry.prefix)
      w.int(Int(entry.id))
    }
    w.optional(tokenizer.numberID) { $0.int(Int($1)) }
    w.automaton(main)
    w.list(roles) { w, role in
      switch role {
      case .primary(let rule):
        w.int(0)
        w.int(rule)
      case .when(let rule):
        w.int(1)
        w.int(rule)
      case .reportAt(let rule):
        w.int(2)
        w.int(rule)
      case .requires(let rule):
        w.int(3)
        w.int(rule)
      case .context(let rule):
        w.int(4)
        w.int(rule)
      }
    }
    w.list(primarySources) { w, source in w.optional(source) { $0.located($1) } }
    w.list(checks) { w, check in
      w.optional(check.shared) { $0.automaton($1.automaton) }
      w.list(check.with) { w, with in
        w.located(with.source)
        w.int(with.pattern)
      }
      w.list(check.unless) { w, unless in
        w.located(unless.source)
        w.optional(unless.before) { $0.int($1) }
        w.int(unless.gapBefore)
        w.optional(unless.after) { $0.int($1) }
        w.int(unless.gapAfter)
        w.optional(unless.anywhere) { $0.int($1) }
        w.optional(unless.within) { $0.int($1) }
      }
    }
    w.integers(contrast.sorted())
    return w.bytes
  }

  /// The engine an image holds.
  /// - Throws: `RuleImageError` when the image is of another format or version, or damaged.
  public init(image: [UInt8]) throws(RuleImageError) {
    var r = ImageReader(image)
    guard (try? r.integers(UInt8.self)) == Self.imageMagic else { throw .incompatible("not a compiled rule image") }
    let version = try r.string()
    guard version == FinePrintVersion.current else { throw .incompatible("made by FinePrint \(version)") }
    let ruleSet = try r.ruleSet()
    var vocabulary = Vocabulary()
    for (index, word) in try r.list({ r throws(RuleImageError) in try r.string() }).enumerated() {
      guard vocabulary.intern(word) == TokenID(index + 1) else { throw .malformed("the vocabulary repeats '\(word)'") }
    }
    var prefixes = PrefixTable()
    let entries = try r.list { r throws(RuleImageError) in (try r.string(), try r.int(in: 1..<vocabulary.count)) }
    for (prefix, id) in entries { prefixes.register(prefix, id: TokenID(id)) }
    let numberID = try r.optional { r throws(RuleImageError) in TokenID(try r.int(in: 1..<vocabulary.count)) }
    let width = (vocabulary.count + 63) / 64
    let main = try r.automaton(width: width)
    let rules = ruleSet.rules.count
    let roles = try r.list { r throws(RuleImageError) -> PatternRole in
      let kind = try r.int(in: 0..<5)
      let rule = try r.int(in: 0..<rules)
      switch kind {
      case 0: return .primary(rule: rule)
      case 1: return .when(rule: rule)
      case 2: return .reportAt(rule: rule)
      case 3: return .requires(rule: rule)
      default: return .context(rule: rule)
      }
    }
    let primarySources = try r.list { r throws(RuleImageError) in try r.optional { r throws(RuleImageError) in try r.located() } }
    let checks = try r.list { r throws(RuleImageError) -> RuleChecks in
      let automaton = try r.optional { r throws(RuleImageError) in try r.automaton(width: width) }
      let patterns = automaton?.patternCount ?? 0
      let pattern = { (r: inout ImageReader) throws(RuleImageError) in try r.int(in: 0..<patterns) }
      let with = try r.list { r throws(RuleImageError) in (source: try r.located(), pattern: try pattern(&r)) }
      let unless = try r.list { r throws(RuleImageError) in
        UnlessCheck(
          source: try r.located(), before: try r.optional(pattern), gapBefore: try r.int(),
          after: try r.optional(pattern), gapAfter: try r.int(), anywhere: try r.optional(pattern),
          within: try r.optional(pattern))
      }
      return RuleChecks(shared: automaton.map(RuleChecks.SharedAutomaton.init), with: with, unless: unless)
    }
    let contrast = Set(try r.integers(TokenID.self))
    guard r.isAtEnd else { throw .malformed("bytes after the end") }
    guard roles.count == main.patternCount, primarySources.count == roles.count, checks.count == rules else {
      throw .malformed("the patterns and rules do not add up")
    }
    let tokenizer = Tokenizer(vocabulary: vocabulary, prefixes: prefixes, numberID: numberID)
    self.init(
      ruleSet: ruleSet,
      compiled: RuleCompiler.Output(
        tokenizer: tokenizer, main: main, roles: roles, primarySources: primarySources, checks: checks,
        contrast: contrast, reader: RuleCompiler.reader(vocabulary: vocabulary, contrast: contrast)))
  }
}
