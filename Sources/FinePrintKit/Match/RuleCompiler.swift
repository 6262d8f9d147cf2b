/// Compiles a `RuleSet` into the automata of a `RuleEngine`: parses every pattern, interns
/// every word into one vocabulary, then builds the main automaton (all rules' patterns, and
/// the document rules' signals) and one small automaton per rule for its `with`/`unless`.
struct RuleCompiler {
  struct Output {
    var tokenizer: Tokenizer
    var main: TokenAutomaton
    var roles: [RuleEngine.PatternRole]
    var primarySources: [PatternSource?]
    var checks: [RuleEngine.RuleChecks]
    var contrast: Set<TokenID>
    var reader: ClauseReader
  }

  /// Tokens no gap crosses: the ends of sentences and of semicolon sub-clauses.
  static let breakerWords = [";", ".", "!", "?"]
  /// Words that turn a sentence around, so a negation before them does not reach past them.
  /// "than" stands for "other than" ("not ... other than to sell it"); "other" alone ("claims by
  /// other users") turns nothing around, and stopped exceptions from reaching their match.
  static let contrastWords = ["but", "except", "unless", "however", "although", "though", "whereas", "save", "than"]

  let ruleSet: RuleSet

  func compile() throws -> Output {
    // 1. Parse every lexicon and pattern, with its location for errors.
    var lexicons: [String: PatternNode] = [:]
    var lexiconSources: [(PatternSource, PatternNode)] = []
    for lexicon in ruleSet.lexicons {
      let entries = try lexicon.entries.map { source in (source, try parse(source)) }
      lexiconSources.append(contentsOf: entries)
      lexicons[lexicon.name] = entries.count == 1 ? entries[0].1 : .alternation(entries.map(\.1))
    }
    var parsed: [PatternSource: PatternNode] = [:]
    // In the order written, so the vocabulary's IDs (and a compiled image) are the same every build.
    var parsedInOrder: [(PatternSource, PatternNode)] = []
    for rule in ruleSet.rules {
      let all =
        rule.patterns + rule.with + rule.unless + rule.when + rule.reportAt + rule.context
        + (rule.requires?.patterns ?? [])
      for source in all where parsed[source] == nil {
        let node = try parse(source)
        parsed[source] = node
        parsedInOrder.append((source, node))
      }
      for id in rule.requires?.rules ?? [] where ruleSet.rule(id) == nil {
        throw RuleLoadError.unknownRule(rule.location, id: id)
      }
    }
    // 2. One vocabulary: every word and prefix any pattern names.
    var vocabulary = Vocabulary()
    var prefixes: Set<String> = []
    let known = ruleSet.lexicons.map(\.name)
    for (source, node) in lexiconSources + parsedInOrder {
      try collect(node, source: source, vocabulary: &vocabulary, prefixes: &prefixes, lexicons: lexicons, known: known)
    }
    for word in Self.breakerWords + Self.contrastWords + ReadingWords.all { vocabulary.intern(word) }
    var prefixTable = PrefixTable()
    var prefixIDs: [String: TokenID] = [:]
    for prefix in prefixes.sorted() {
      let id = vocabulary.intern(prefix + "*")
      prefixIDs[prefix] = id
      prefixTable.register(prefix, id: id)
    }
    let numberID = vocabulary.id(of: "#number")
    let breakers = Set(Self.breakerWords.compactMap { vocabulary.id(of: $0) })
    let contrast = breakers.union(Self.contrastWords.compactMap { vocabulary.id(of: $0) })
    let tokenizer = Tokenizer(vocabulary: vocabulary, prefixes: prefixTable, numberID: numberID)
    let frequency = Self.wordFrequency(ruleSet, tokenizer: tokenizer)
    let words = AutomatonBuilder.WordSets(vocabulary: vocabulary, prefixIDs: prefixIDs)
    func builder() -> AutomatonBuilder {
      AutomatonBuilder(
        vocabulary: vocabulary, words: words, lexicons: lexicons, breakers: breakers,
        frequency: frequency)
    }
    // 3. The main automaton and the per-rule checks.
    var main = builder()
    var roles: [RuleEngine.PatternRole] = []
    var primarySources: [PatternSource?] = []
    var checks: [RuleEngine.RuleChecks] = []
    func addMain(_ source: PatternSource, _ role: RuleEngine.PatternRole) throws {
      try add(parsed[source]!, source, to: &main)
      roles.append(role)
      if case .primary = role { primarySources.append(source) } else { primarySources.append(nil) }
    }
    for (index, rule) in ruleSet.rules.enumerated() {
      for source in rule.patterns { try addMain(source, .primary(rule: index)) }
      for source in rule.when { try addMain(source, .when(rule: index)) }
      for source in rule.reportAt { try addMain(source, .reportAt(rule: index)) }
      for source in rule.requires?.patterns ?? [] { try addMain(source, .requires(rule: index)) }
      for source in rule.context { try addMain(source, .context(rule: index)) }
      checks.append(try ruleChecks(rule, parsed: parsed, builder: builder()))
    }
    return Output(
      tokenizer: tokenizer, main: main.finish(), roles: roles,
      primarySources: primarySources, checks: checks, contrast: contrast,
      reader: Self.reader(vocabulary: vocabulary, contrast: contrast))
  }

  /// The clause reader of a compiled vocabulary.
  static func reader(vocabulary: Vocabulary, contrast: Set<TokenID>) -> ClauseReader {
    ClauseReader(words: ReadingVocabulary(vocabulary: vocabulary, boundary: contrast), vocabulary: vocabulary)
  }

  /// For each token ID, the share of the rules' example texts that hold it: how common a word
  /// is in the fine print these rules read, so the prefilter can anchor each pattern on its
  /// rarest requirement ("biometric", not "you").
  static func wordFrequency(_ ruleSet: RuleSet, tokenizer: Tokenizer) -> [Double] {
    var counts = [Int](repeating: 0, count: tokenizer.vocabulary.count)
    var texts = 0
    for rule in ruleSet.rules {
      for example in rule.flagExamples + rule.passExamples {
        let bytes = Array(example.text.utf8)
        for id in Set(tokenizer.tokens(in: bytes, range: 0..<bytes.count).map(\.id)) where Int(id) < counts.count {
          counts[Int(id)] += 1
        }
        texts += 1
      }
    }
    return counts.map { (Double($0) + 0.5) / (Double(texts) + 1) }
  }

  private func parse(_ source: PatternSource) throws -> PatternNode {
    do {
      return try PatternParser.parse(source.text)
    } catch {
      throw RuleLoadError.badPattern(source.location, pattern: source.text, reason: error.reason)
    }
  }

  @discardableResult
  private func add(_ node: PatternNode, _ source: PatternSource, to builder: inout AutomatonBuilder) throws -> Int {
    do {
      return try builder.add(node)
    } catch {
      throw RuleLoadError.badPattern(source.location, pattern: source.text, reason: error.reason)
    }
  }

  private func ruleChecks(_ rule: RuleDefinition, parsed: [PatternSource: PatternNode], builder: AutomatonBuilder)
    throws -> RuleEngine.RuleChecks
  {
    var builder = builder
    var with: [(PatternSource, Int)] = []
    var unless: [RuleEngine.UnlessCheck] = []
    for source in rule.with { with.append((source, try add(parsed[source]!, source, to: &builder))) }
    for source in rule.unless {
      var check = RuleEngine.UnlessCheck(
        source: source, before: nil, gapBefore: 0, after: nil, gapAfter: 0, anywhere: nil, within: nil)
      let node = parsed[source]!
      if case .sequence(let items) = node, items.first == .withinAnchor, items.count > 1 {
        let rest = Array(items.dropFirst())
        if rest.contains(.withinAnchor) || rest.contains(.matchAnchor) {
          throw RuleLoadError.badPattern(
            source.location, pattern: source.text, reason: "{within} starts a pattern and stands alone: no {match} with it")
        }
        check.within = try add(rest.count == 1 ? rest[0] : .sequence(rest), source, to: &builder)
        unless.append(check)
        continue
      }
      if node == .withinAnchor {
        throw RuleLoadError.badPattern(source.location, pattern: source.text, reason: "{within} needs words after it")
      }
      guard case .sequence(let items) = node, let anchor = items.firstIndex(of: .matchAnchor) else {
        if node == .matchAnchor {
          throw RuleLoadError.badPattern(source.location, pattern: source.text, reason: "{match} needs words before or after it")
        }
        check.anywhere = try add(node, source, to: &builder)
        unless.append(check)
        continue
      }
      var before = Array(items[..<anchor])
      var after = Array(items[(anchor + 1)...])
      if case .gap(let n) = before.last {
        check.gapBefore = n
        before.removeLast()
      }
      if case .gap(let n) = after.first {
        check.gapAfter = n
        after.removeFirst()
      }
      if before.contains(.matchAnchor) || after.contains(.matchAnchor) {
        throw RuleLoadError.badPattern(source.location, pattern: source.text, reason: "{match} may stand only once")
      }
      if !before.isEmpty {
        check.before = try add(before.count == 1 ? before[0] : .sequence(before), source, to: &builder)
      }
      if !after.isEmpty {
        check.after = try add(after.count == 1 ? after[0] : .sequence(after), source, to: &builder)
      }
      unless.append(check)
    }
    var automaton = with.isEmpty && unless.isEmpty ? nil : builder.finish()
    automaton?.prefersEarliestStart = true
    return RuleEngine.RuleChecks(
      shared: automaton.map(RuleEngine.RuleChecks.SharedAutomaton.init), with: with.map { ($0.0, $0.1) }, unless: unless)
  }

  /// Interns every word of a pattern and records its prefixes; checks lexicon names.
  private func collect(
    _ node: PatternNode, source: PatternSource, vocabulary: inout Vocabulary,
    prefixes: inout Set<String>, lexicons: [String: PatternNode], known: [String]
  ) throws {
    switch node {
    case .words(let words): for word in words { vocabulary.intern(word) }
    case .prefix(let prefix): prefixes.insert(prefix)
    case .regex(let pattern):
      do { _ = try TokenRegex(pattern) } catch {
        throw RuleLoadError.badPattern(source.location, pattern: source.text, reason: "invalid regular expression /\(pattern)/")
      }
      if let risk = TokenRegex.backtrackingRisk(pattern) {
        throw RuleLoadError.badPattern(
          source.location, pattern: source.text,
          reason: "the regular expression /\(pattern)/ could take too long on a long word: \(risk)")
      }
    case .lexicon(let name):
      if lexicons[name] == nil { throw RuleLoadError.unknownLexicon(source.location, name: name, known: known) }
    case .sequence(let items), .alternation(let items):
      for item in items {
        try collect(item, source: source, vocabulary: &vocabulary, prefixes: &prefixes, lexicons: lexicons, known: known)
      }
    case .optional(let inner):
      try collect(inner, source: source, vocabulary: &vocabulary, prefixes: &prefixes, lexicons: lexicons, known: known)
    case .gap, .matchAnchor, .withinAnchor: break
    }
  }
}
