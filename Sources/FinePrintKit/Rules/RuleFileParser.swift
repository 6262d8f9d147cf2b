import Yams

/// Parses one rule or lexicon file into definitions. A file holds one rule, its keys at the top
/// (`Rules/<category>/<rule-id>.yml`), or a list of them under `rules:` and lexicons under
/// `lexicons:` (`Rules/lexicons/*.yml`, and rule folders written before one rule a file).
/// Structure only: patterns are checked when the rule set is compiled.
struct RuleFileParser {
  static let fileKeys = ["version", "pack", "description", "rules", "lexicons"]
  static let ruleKeys = [
    "id", "category", "severity", "title", "message", "explanation", "references", "suggestion", "scope",
    "patterns", "with", "context", "unless", "when", "requires", "report_at", "examples", "aliases", "metric",
    "actor", "modality", "not_when", "kind",
  ]
  static let metricKeys = ["measure", "above", "below", "min_words"]
  static let requirementKeys = ["categories", "rules", "patterns"]
  static let exampleKeys = ["flag", "pass"]

  let reader: YAMLReader

  /// In an unquoted list item, YAML reads ` #number` (or ` #provider`) as the start of a
  /// comment and silently drops the rest of the pattern. Refuse it, pointing at the line.
  static func refuseCommentedNumbers(_ text: String, file: String) throws {
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let item = line.drop { $0 == " " }
      guard item.hasPrefix("- "),
        let special = ["#number", "#provider"].first(where: { item.contains(" " + $0) }),
        let hash = item.range(of: " " + special)
      else { continue }
      let value = item.dropFirst(2).drop { $0 == " " }
      if value.hasPrefix("\"") || value.hasPrefix("'") { continue }
      let column = line.count - item.count + item.distance(from: item.startIndex, to: hash.lowerBound) + 2
      throw RuleLoadError.badPattern(
        RuleFileLocation(file: file, line: index + 1, column: column), pattern: String(value),
        reason: "quote this pattern: YAML reads ' #' as the start of a comment and would drop '\(special)' and what follows")
    }
  }

  init(file: String) {
    reader = YAMLReader(file: file)
  }

  func parse(_ text: String) throws -> (rules: [RuleDefinition], lexicons: [Lexicon]) {
    try Self.refuseCommentedNumbers(text, file: reader.file)
    guard let root = try reader.compose(text) else { return ([], []) }
    if Self.holdsOneRule(root) { return ([try rule(root, fileKeys: ["version"])], []) }
    var rules: [RuleDefinition] = []
    var lexicons: [Lexicon] = []
    for (key, keyNode, value) in try reader.mapping(root, context: "a rule file", allowed: Self.fileKeys) {
      switch key {
      case "version":
        try checkVersion(value)
      case "rules":
        guard case .sequence(let items) = value else {
          throw RuleLoadError.wrongType(reader.location(keyNode), key: key, expected: "a list of rules")
        }
        rules = try items.map { try rule($0) }
      case "lexicons":
        lexicons = try lexiconList(value)
      default:
        break
      }
    }
    return (rules, lexicons)
  }

  /// Whether a file's top level is one rule (it has an `id`) rather than lists of rules and
  /// lexicons.
  static func holdsOneRule(_ root: Node) -> Bool {
    guard case .mapping(let mapping) = root else { return false }
    return mapping.keys.contains { $0.scalar?.string == "id" }
  }

  private func checkVersion(_ node: Node) throws {
    let version = try reader.string(node, key: "version")
    if version != "1" { throw RuleLoadError.unsupportedVersion(reader.location(node), version: version) }
  }

  private func lexiconList(_ node: Node) throws -> [Lexicon] {
    guard case .mapping(let mapping) = node else {
      throw RuleLoadError.wrongType(reader.location(node), key: "lexicons", expected: "a mapping of names to word lists")
    }
    return try mapping.map { key, value in
      guard let name = key.scalar?.string, !name.isEmpty else {
        throw RuleLoadError.wrongType(reader.location(key), key: "lexicons", expected: "named word lists")
      }
      return Lexicon(name: name, entries: try reader.patterns(value, key: name), location: reader.location(key))
    }
  }

  /// - Parameter fileKeys: keys of the file allowed beside the rule's, when the rule is the
  ///   file's top level.
  private func rule(_ node: Node, fileKeys: [String] = []) throws -> RuleDefinition {
    let pairs = try reader.mapping(node, context: "a rule", allowed: fileKeys + Self.ruleKeys)
    var values: [String: Node] = [:]
    for (key, _, value) in pairs { values[key] = value }
    if let version = values["version"] { try checkVersion(version) }
    // Where the rule is written: its list item, or in a file of one rule, its `id`.
    let here = reader.location(fileKeys.isEmpty ? node : pairs.first { $0.key == "id" }?.node ?? node)
    func required(_ key: String) throws -> Node {
      guard let value = values[key] else {
        let id = values["id"].flatMap { $0.scalar?.string }.map { "rule '\($0)'" } ?? "a rule"
        throw RuleLoadError.missingKey(here, key: key, context: id)
      }
      return value
    }
    let id = try reader.nonEmptyString(try required("id"), key: "id")
    let categoryNode = try required("category")
    let category = try reader.nonEmptyString(categoryNode, key: "category")
    guard Category.named(category) != nil else {
      throw RuleLoadError.invalidValue(
        reader.location(categoryNode), key: "category", value: category,
        expected: Category.all.map(\.id))
    }
    let severityNode = try required("severity")
    let severityText = try reader.nonEmptyString(severityNode, key: "severity")
    guard let severity = Severity(rawValue: severityText) else {
      throw RuleLoadError.invalidValue(
        reader.location(severityNode), key: "severity", value: severityText,
        expected: Severity.allCases.map(\.rawValue))
    }
    var scope = RuleScope.clause
    if let scopeNode = values["scope"] {
      let text = try reader.string(scopeNode, key: "scope")
      guard let parsed = RuleScope(rawValue: text) else {
        throw RuleLoadError.invalidValue(
          reader.location(scopeNode), key: "scope", value: text,
          expected: RuleScope.allCases.map(\.rawValue))
      }
      scope = parsed
    }
    let patterns = try values["patterns"].map { try reader.patterns($0, key: "patterns") } ?? []
    let metric = try values["metric"].map { try self.metric($0) }
    if scope == .clause && patterns.isEmpty && (metric == nil || metric?.measure == .matches) { _ = try required("patterns") }
    var requirement: Requirement?
    if let node = values["requires"] {
      requirement = try self.requirement(node)
    } else if scope == .document {
      _ = try required("requires")
    }
    let (flag, pass) = try examples(try required("examples"), rule: id)
    let reading = try self.reading(actor: values["actor"], modality: values["modality"], notWhen: values["not_when"])
    let definition = RuleDefinition(
      id: id, category: category, severity: severity,
      title: try reader.nonEmptyString(try required("title"), key: "title"),
      message: try reader.nonEmptyString(try required("message"), key: "message"),
      explanation: try values["explanation"].map { try reader.string($0, key: "explanation") } ?? "",
      references: try values["references"].map { try reader.strings($0, key: "references").map(\.0) } ?? [],
      suggestion: try values["suggestion"].map { try reader.string($0, key: "suggestion") } ?? "",
      scope: scope, patterns: patterns,
      with: try values["with"].map { try reader.patterns($0, key: "with") } ?? [],
      unless: try values["unless"].map { try reader.patterns($0, key: "unless") } ?? [],
      when: try values["when"].map { try reader.patterns($0, key: "when") } ?? [],
      requires: requirement,
      reportAt: try values["report_at"].map { try reader.patterns($0, key: "report_at") } ?? [],
      context: try values["context"].map { try reader.patterns($0, key: "context") } ?? [],
      metric: metric, reading: reading, flagExamples: flag, passExamples: pass,
      aliases: try values["aliases"].map { try reader.strings($0, key: "aliases").map(\.0) } ?? [],
      location: here)
    if let kindNode = values["kind"] { try checkKind(kindNode, of: definition) }
    if let contextNode = values["context"], definition.kind == .requires || definition.kind == .readability {
      throw RuleLoadError.wrongType(
        reader.location(contextNode), key: "context",
        expected: "left out of a \(definition.kind.rawValue) rule: only a rule's pattern matches are read in a context")
    }
    return definition
  }

  /// `kind: patterns | count | readability | requires`, optional: when stated, the rule's keys
  /// must make it that kind.
  private func checkKind(_ node: Node, of rule: RuleDefinition) throws {
    let text = try reader.string(node, key: "kind")
    guard let stated = RuleKind(rawValue: text) else {
      throw RuleLoadError.invalidValue(
        reader.location(node), key: "kind", value: text,
        expected: RuleKind.allCases.map(\.rawValue))
    }
    guard stated == rule.kind else {
      throw RuleLoadError.kindMismatch(
        reader.location(node), stated: stated.rawValue, needs: stated.needs,
        keysMake: rule.kind.rawValue)
    }
  }

  /// `actor: provider | reader | any`, `modality: [power, duty, statement]` and
  /// `not_when: [ACTOR MODALITY, …]`.
  private func reading(actor: Node?, modality: Node?, notWhen: Node?) throws -> ReadingConstraint {
    var constraint = ReadingConstraint()
    if let actor {
      let text = try reader.string(actor, key: "actor")
      guard let parsed = ReadingConstraint.Actor(rawValue: text) else {
        throw RuleLoadError.invalidValue(
          reader.location(actor), key: "actor", value: text,
          expected: ReadingConstraint.Actor.allCases.map(\.rawValue))
      }
      constraint.actor = parsed
    }
    if let modality {
      for (text, location) in try reader.strings(modality, key: "modality") {
        guard let parsed = Modality(rawValue: text) else {
          throw RuleLoadError.invalidValue(location, key: "modality", value: text, expected: Modality.allCases.map(\.rawValue))
        }
        constraint.modalities.append(parsed)
      }
    }
    for (text, location) in try notWhen.map({ try reader.strings($0, key: "not_when") }) ?? [] {
      guard let excluded = ReadingConstraint.Excluded(text) else {
        throw RuleLoadError.invalidValue(
          location, key: "not_when", value: text,
          expected: [
            "ACTOR MODALITY, e.g. 'reader power'; actors: "
              + ReadingConstraint.Excluded.actors.joined(separator: ", ") + "; modalities: "
              + ReadingConstraint.Excluded.modalities.joined(separator: ", ")
          ])
      }
      constraint.excluded.append(excluded)
    }
    return constraint
  }

  private func metric(_ node: Node) throws -> MetricSpec {
    var measure: MetricSpec.Measure?
    var spec = MetricSpec(measure: .words)
    for (key, _, value) in try reader.mapping(node, context: "metric", allowed: Self.metricKeys) {
      let text = try reader.string(value, key: key)
      switch key {
      case "measure":
        guard let parsed = MetricSpec.Measure(rawValue: text) else {
          throw RuleLoadError.invalidValue(
            reader.location(value), key: "measure", value: text,
            expected: MetricSpec.Measure.allCases.map(\.rawValue))
        }
        measure = parsed
      case "min_words":
        guard let n = Int(text), n >= 0 else {
          throw RuleLoadError.wrongType(reader.location(value), key: key, expected: "a whole number")
        }
        spec.minWords = n
      default:
        guard let number = Double(text) else {
          throw RuleLoadError.wrongType(reader.location(value), key: key, expected: "a number")
        }
        if key == "above" { spec.above = number } else { spec.below = number }
      }
    }
    guard let measure else { throw RuleLoadError.missingKey(reader.location(node), key: "measure", context: "metric") }
    guard spec.above != nil || spec.below != nil else {
      throw RuleLoadError.missingKey(reader.location(node), key: "above' or 'below", context: "metric")
    }
    spec.measure = measure
    return spec
  }

  private func requirement(_ node: Node) throws -> Requirement {
    var requirement = Requirement()
    for (key, _, value) in try reader.mapping(node, context: "requires", allowed: Self.requirementKeys) {
      switch key {
      case "categories":
        requirement.categories = try reader.categories(value, key: key)
      case "rules": requirement.rules = try reader.strings(value, key: key).map(\.0)
      default: requirement.patterns = try reader.patterns(value, key: key)
      }
    }
    return requirement
  }

  private func examples(_ node: Node, rule id: String) throws -> ([RuleExample], [RuleExample]) {
    var flag: [RuleExample] = []
    var pass: [RuleExample] = []
    for (key, _, value) in try reader.mapping(node, context: "examples", allowed: Self.exampleKeys) {
      let items = try reader.strings(value, key: key).map { RuleExample(text: $0.0, location: $0.1) }
      if key == "flag" { flag = items } else { pass = items }
    }
    if flag.isEmpty { throw RuleLoadError.missingExamples(reader.location(node), rule: id, kind: "flag") }
    if pass.isEmpty { throw RuleLoadError.missingExamples(reader.location(node), rule: id, kind: "pass") }
    return (flag, pass)
  }

  static func located(_ error: YamlError, file: String) -> RuleLoadError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { "\(problem) \($0.text)" } ?? problem
      return .yaml(RuleFileLocation(file: file, line: mark.line, column: mark.column), problem: detail)
    case .reader(let problem, let offset, _, let yaml):
      // Bytes YAML does not allow (control characters, invalid UTF-8), at a byte offset.
      let (line, column) = offset.map { lineAndColumn(ofByte: $0, in: yaml) } ?? (1, 1)
      return .yaml(RuleFileLocation(file: file, line: line, column: column), problem: problem)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
      return .yaml(
        RuleFileLocation(file: file, line: context.mark.line, column: context.mark.column),
        problem: "a key is written twice in one mapping: \(keys)")
    default:
      // No position: the description is Yams' own, kept to one line.
      let text = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
      return .yaml(RuleFileLocation(file: file, line: 1, column: 1), problem: text)
    }
  }

  /// The 1-based line and code-point column of a UTF-8 byte offset.
  private static func lineAndColumn(ofByte offset: Int, in text: String) -> (Int, Int) {
    var line = 1
    var column = 1
    for byte in text.utf8.prefix(max(0, offset)) {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }
}
