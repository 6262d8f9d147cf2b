import Yams

/// Parses one file of `Rules/summary/`: a `question`, or a list of `contradictions`. Strict like
/// the rule files: an unknown key, a category outside the taxonomy or an answer that is not
/// yes, no or partly is an error with its file and line.
struct SummaryTableParser {
  static let fileKeys = ["version", "description", "question", "contradictions", "grade"]
  static let questionKeys = ["id", "asks", "yes", "weak_yes", "partly", "no", "if_both", "bad_answer", "silence_is_bad", "say"]
  static let evidenceKeys = ["categories", "rules", "facts", "data_kinds", "except"]
  static let sayKeys = ["yes", "no", "partly", "not_stated"]
  static let contradictionKeys = ["promise", "taken_back_by", "explanation"]
  static let gradingKeys = ["version", "blocker_weight", "minimum_words", "grades"]
  static let stepKeys = ["grade", "meaning", "when"]

  let reader: YAMLReader

  init(file: String) {
    reader = YAMLReader(file: file)
  }

  func parse(_ text: String) throws -> SummaryTables {
    var tables = SummaryTables()
    guard let root = try reader.compose(text) else { return tables }
    for (key, keyNode, value) in try reader.mapping(root, context: "a summary file", allowed: Self.fileKeys) {
      switch key {
      case "version":
        let version = try reader.string(value, key: key)
        if version != "1" { throw RuleLoadError.unsupportedVersion(reader.location(value), version: version) }
      case "question":
        tables.questions.append(try question(value))
      case "contradictions":
        guard case .sequence(let items) = value else {
          throw RuleLoadError.wrongType(reader.location(keyNode), key: key, expected: "a list of contradictions")
        }
        tables.contradictions = try items.map(contradiction)
      case "grade":
        tables.gradingFormula = try gradingFormula(value)
      default:
        break
      }
    }
    return tables
  }

  private func question(_ node: Node) throws -> SummaryQuestion {
    let fields = try Fields(node, context: "a question", allowed: Self.questionKeys, owner: "the question", reader: reader)
    let (values, here, required) = (fields.values, fields.here, fields.required)
    var texts: [String: String] = [:]
    for (key, _, value) in try reader.mapping(try required("say"), context: "say", allowed: Self.sayKeys) {
      texts[key] = try reader.string(value, key: key)
    }
    guard let notStated = texts["not_stated"] else {
      throw RuleLoadError.missingKey(reader.location(values["say"]), key: "not_stated", context: "say")
    }
    var question = SummaryQuestion(
      id: try reader.nonEmptyString(try required("id"), key: "id"),
      question: try reader.nonEmptyString(try required("asks"), key: "asks"),
      yes: try evidence(values["yes"], key: "yes"),
      yesText: texts["yes"] ?? "", notStatedText: notStated, location: here)
    question.weakYes = try evidence(values["weak_yes"], key: "weak_yes")
    question.partly = try evidence(values["partly"], key: "partly")
    question.no = try evidence(values["no"], key: "no")
    question.noText = texts["no"] ?? ""
    question.partlyText = texts["partly"] ?? ""
    if let node = values["if_both"] { question.whenBoth = try verdict(node, key: "if_both") }
    if let node = values["bad_answer"] { question.concern = try verdict(node, key: "bad_answer") }
    if let node = values["silence_is_bad"] { question.silenceIsConcern = try flag(node, key: "silence_is_bad") }
    if [question.yes, question.weakYes, question.partly, question.no].allSatisfy(\.isEmpty) {
      throw RuleLoadError.wrongType(here, key: "yes", expected: "the categories, rules or facts that answer the question")
    }
    return question
  }

  private func contradiction(_ node: Node) throws -> SummaryContradiction {
    let fields = try Fields(
      node, context: "a contradiction", allowed: Self.contradictionKeys, owner: "the contradiction", reader: reader)
    let (here, required) = (fields.here, fields.required)
    let promise = try evidence(try required("promise"), key: "promise")
    let exception = try evidence(try required("taken_back_by"), key: "taken_back_by")
    for (key, side) in [("promise", promise), ("taken_back_by", exception)] where side.isEmpty {
      throw RuleLoadError.wrongType(side.location ?? here, key: key, expected: "the categories or rules it stands for")
    }
    return SummaryContradiction(
      promise: promise, exception: exception,
      explanation: try reader.nonEmptyString(try required("explanation"), key: "explanation"),
      location: here)
  }

  /// The grade's formula: `{version, blocker_weight, minimum_words, grades: [{grade, meaning, when}]}`.
  private func gradingFormula(_ node: Node) throws -> GradingFormula {
    let fields = try Fields(node, context: "grade", allowed: Self.gradingKeys, owner: "the grade", reader: reader)
    let (here, required) = (fields.here, fields.required)
    let gradesNode = try required("grades")
    guard case .sequence(let items) = gradesNode, !items.isEmpty else {
      throw RuleLoadError.wrongType(reader.location(gradesNode), key: "grades", expected: "a list of grades")
    }
    let steps = try items.map(gradeStep)
    if let open = steps.dropLast().firstIndex(where: \.when.isEmpty) {
      throw RuleLoadError.wrongType(
        reader.location(items[open]), key: "when", expected: "conditions (only the last grade may have none)")
    }
    return GradingFormula(
      version: try reader.nonEmptyString(try required("version"), key: "version"),
      blockerWeight: try number(try required("blocker_weight"), key: "blocker_weight"),
      minimumWords: try number(try required("minimum_words"), key: "minimum_words"),
      steps: steps, location: here)
  }

  private func gradeStep(_ node: Node) throws -> GradingFormula.Step {
    let fields = try Fields(node, context: "a grade", allowed: Self.stepKeys, owner: "a grade", reader: reader)
    let values = fields.values
    let grade = try fields.required("grade")
    var conditions: [GradingFormula.Condition] = []
    if let when = values["when"] {
      guard case .sequence(let items) = when else {
        throw RuleLoadError.wrongType(reader.location(when), key: "when", expected: "a list of conditions")
      }
      for item in items {
        for (key, _, value) in try reader.mapping(item, context: "a condition", allowed: GradingFormula.Condition.keys) {
          switch key {
          case "balance_at_most": conditions.append(.balanceAtMost(try number(value, key: key)))
          case "balance_below": conditions.append(.balanceBelow(try number(value, key: key)))
          case "blockers_at_least": conditions.append(.blockersAtLeast(try number(value, key: key)))
          case "bad_at_least": conditions.append(.badAtLeast(try number(value, key: key)))
          case "blockers_more_than_good": if try flag(value, key: key) { conditions.append(.blockersMoreThanGood) }
          default: if try flag(value, key: key) { conditions.append(.badMoreThanGood) }
          }
        }
      }
    }
    return GradingFormula.Step(
      grade: try reader.nonEmptyString(grade, key: "grade"),
      meaning: try values["meaning"].map { try reader.string($0, key: "meaning") } ?? "", when: conditions)
  }

  private func number(_ node: Node, key: String) throws -> Int {
    let text = try reader.string(node, key: key)
    guard let value = Int(text) else {
      throw RuleLoadError.wrongType(reader.location(node), key: key, expected: "a whole number")
    }
    return value
  }

  /// What counts as evidence: `{categories: […], rules: […], facts: […], data_kinds: true, except: […]}`.
  private func evidence(_ node: Node?, key: String) throws -> SummaryQuestion.Evidence {
    var evidence = SummaryQuestion.Evidence()
    guard let node else { return evidence }
    evidence.location = reader.location(node)
    for (name, _, value) in try reader.mapping(node, context: key, allowed: Self.evidenceKeys) {
      switch name {
      case "categories":
        evidence.categories = try reader.categories(value, key: name)
      case "rules": evidence.rules = try reader.strings(value, key: name).map(\.0)
      case "facts": evidence.facts = try reader.strings(value, key: name).map(\.0)
      case "except": evidence.except = try reader.strings(value, key: name).map(\.0)
      default: evidence.dataKinds = try flag(value, key: name)
      }
    }
    return evidence
  }

  private func verdict(_ node: Node, key: String) throws -> SummaryQuestion.Verdict {
    let text = try reader.string(node, key: key)
    guard let verdict = SummaryQuestion.Verdict(rawValue: text) else {
      throw RuleLoadError.invalidValue(reader.location(node), key: key, value: text, expected: ["yes", "no", "partly"])
    }
    return verdict
  }

  private func flag(_ node: Node, key: String) throws -> Bool {
    switch try reader.string(node, key: key) {
    case "true", "yes": return true
    case "false", "no": return false
    case let other: throw RuleLoadError.invalidValue(reader.location(node), key: key, value: other, expected: ["true", "false"])
    }
  }
}

/// A mapping's values by key, read strictly, and a lookup that names what is missing.
private struct Fields {
  let values: [String: Node]
  let here: RuleFileLocation
  let owner: String

  init(_ node: Node, context: String, allowed: [String], owner: String, reader: YAMLReader) throws {
    var values: [String: Node] = [:]
    for (key, _, value) in try reader.mapping(node, context: context, allowed: allowed) { values[key] = value }
    self.values = values
    here = reader.location(node)
    self.owner = owner
  }

  func required(_ key: String) throws -> Node {
    guard let value = values[key] else { throw RuleLoadError.missingKey(here, key: key, context: owner) }
    return value
  }
}
