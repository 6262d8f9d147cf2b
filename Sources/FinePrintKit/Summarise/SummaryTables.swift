import Foundation

/// What `fineprint summarize` asks and which promises it shows as taken back: the questions
/// (one file each) and the contradictions of a `summary/` folder beside the rules
/// (`Rules/summary/` for the bundled ones). Questions are asked in the order of their files'
/// names (`01-data-taken.yml`, `02-uses.yml`, …).
public struct SummaryTables: Sendable {
  public var questions: [SummaryQuestion] = []
  public var contradictions: [SummaryContradiction] = []
  /// The grade's formula (`grade.yml`), when these tables hold one.
  public var gradingFormula: GradingFormula?

  public init(questions: [SummaryQuestion] = [], contradictions: [SummaryContradiction] = []) {
    self.questions = questions
    self.contradictions = contradictions
  }

  /// The folder of a rule set that holds its summary tables.
  public static let folder = "summary"

  /// Whether a file, by its path relative to its rule folder, holds summary tables, not rules.
  static func isSummaryFile(_ relativePath: String) -> Bool {
    relativePath.hasPrefix(folder + "/")
  }

  /// The bundled tables (`Rules/summary/`), parsed once per run; they always hold the grade's
  /// formula (`grade.yml`), which a rule folder's own tables may leave out.
  public static let bundled = Result {
    let tables = try parse(files: BundledRules.files.filter { isSummaryFile($0.path) }.map { ("Rules/" + $0.path, $0.contents) })
    guard tables.gradingFormula != nil else {
      throw RuleLoadError.missingKey(
        RuleFileLocation(file: "Rules/summary/grade.yml", line: 1, column: 1), key: "grade", context: "the bundled summary tables"
      )
    }
    return tables
  }

  /// The tables in files given as (path, contents), in the order of their paths.
  /// - Throws: `RuleLoadError` naming the file and line of a malformed table.
  public static func parse(files: [(String, String)]) throws -> SummaryTables {
    var tables = SummaryTables()
    for (path, contents) in files.sorted(by: { $0.0 < $1.0 }) {
      try tables.add(try SummaryTableParser(file: path).parse(contents))
    }
    return tables
  }

  /// The tables of a rule folder's `summary/` folder, nil when it has none (or `path` is a file).
  /// - Throws: `RuleLoadError` when a table cannot be read or is malformed.
  public static func load(ruleFolder path: String) throws -> SummaryTables? {
    let folder = (path.hasSuffix("/") ? String(path.dropLast()) : path) + "/" + Self.folder
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasSuffix(".yml") || $0.hasSuffix(".yaml")
    }
    var files: [(String, String)] = []
    for name in names.sorted() {
      let file = folder + "/" + name
      guard let data = FileManager.default.contents(atPath: file) else {
        throw RuleLoadError.unreadable(file: file, reason: "cannot read the file")
      }
      files.append((file, String(decoding: data, as: UTF8.self)))
    }
    return try parse(files: files)
  }

  /// These tables with another's added after them.
  /// - Throws: `RuleLoadError.duplicateID` when both ask a question with the same ID.
  public mutating func add(_ other: SummaryTables) throws {
    for question in other.questions {
      if let first = questions.first(where: { $0.id == question.id }) {
        throw RuleLoadError.duplicateID(
          question.location ?? RuleFileLocation(file: "?", line: 1, column: 1),
          id: question.id, first: first.location ?? RuleFileLocation(file: "?", line: 1, column: 1))
      }
      questions.append(question)
    }
    contradictions += other.contradictions
    if let formula = other.gradingFormula {
      if let first = gradingFormula {
        throw RuleLoadError.duplicateID(
          formula.location ?? RuleFileLocation(file: "?", line: 1, column: 1), id: "grade",
          first: first.location ?? RuleFileLocation(file: "?", line: 1, column: 1))
      }
      gradingFormula = formula
    }
  }

  /// Checks that every rule and fact the tables name exists in `ruleSet` (categories are
  /// checked against the taxonomy when parsed), and that every question can be answered.
  /// - Throws: `RuleLoadError.unknownName` at the line that names it, with the nearest name.
  public func validate(against ruleSet: RuleSet) throws {
    let rules = ruleSet.rules.flatMap { [$0.id] + $0.aliases }
    let facts = ruleSet.lexicons.map(\.name).filter { $0.hasPrefix(FactFinder.factPrefix) }
    func check(_ evidence: SummaryQuestion.Evidence, in context: String) throws {
      let here = evidence.location ?? RuleFileLocation(file: "?", line: 1, column: 1)
      for rule in evidence.rules + evidence.except where !rules.contains(rule) {
        throw RuleLoadError.unknownName(
          here, kind: "rule", name: rule, context: context,
          suggestion: RuleLoadError.closest(to: rule, in: rules))
      }
      for fact in evidence.facts where !facts.contains(fact) {
        throw RuleLoadError.unknownName(
          here, kind: "fact", name: fact, context: context,
          suggestion: RuleLoadError.closest(to: fact, in: facts))
      }
    }
    for question in questions {
      for (key, evidence) in [
        ("yes", question.yes), ("weak_yes", question.weakYes), ("partly", question.partly), ("no", question.no),
      ] {
        try check(evidence, in: "question '\(question.id)' (\(key))")
      }
    }
    for contradiction in contradictions {
      try check(contradiction.promise, in: "a contradiction's promise")
      try check(contradiction.exception, in: "a contradiction's taken_back_by")
    }
  }
}
