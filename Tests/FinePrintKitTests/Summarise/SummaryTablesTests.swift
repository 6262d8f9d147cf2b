import Foundation
import Testing
@testable import FinePrintKit

/// The summary's questions and contradictions are data (`Rules/summary/`): they load strictly,
/// and a name they give that no rule, category or fact has fails with its file and line.
@Suite("Summary tables")
struct SummaryTablesTests {
  static let rules = try! TestSupport.engine().ruleSet
  static let bundled = try! SummaryTables.bundled.get()

  static var evidence: [(where: String, evidence: SummaryQuestion.Evidence)] {
    bundled.questions.flatMap { q in
      [("\(q.id).yes", q.yes), ("\(q.id).weak_yes", q.weakYes), ("\(q.id).partly", q.partly), ("\(q.id).no", q.no)]
    }
      + bundled.contradictions.enumerated().flatMap { n, pair in
        [("contradiction \(n + 1) promise", pair.promise), ("contradiction \(n + 1) taken_back_by", pair.exception)]
      }
  }

  /// Parses one summary file written here.
  static func parse(_ yaml: String, file: String = "mine/summary/q.yml") throws -> SummaryTables {
    try SummaryTables.parse(files: [(file, yaml)])
  }

  static let payment = """
    version: 1
    question:
      id: paid
      asks: Are you paid?
      yes: {categories: [clear-compensation]}
      no: {rules: [vague-payment]}
      if_both: no
      bad_answer: no
      say:
        yes: The pay is stated
        not_stated: Nothing about pay.
    """

  @Test("The bundled questions load in the order of their files and name only what exists")
  func bundledTables() throws {
    #expect(Self.bundled.questions.first?.id == "data-taken")
    #expect(Self.bundled.questions.last?.id == "payment")
    let ids = Self.bundled.questions.map(\.id)
    #expect(Set(ids).count == ids.count && ids.count >= 10)
    #expect(Self.bundled.contradictions.count >= 3)
    try Self.bundled.validate(against: Self.rules)
    // Checked without `validate`, so a fault there cannot hide one here.
    let ruleIDs = Set(Self.rules.rules.map(\.id))
    let facts = Set(Self.rules.lexicons.map(\.name).filter { $0.hasPrefix(FactFinder.factPrefix) })
    for (place, evidence) in Self.evidence {
      for category in evidence.categories { #expect(Category.named(category) != nil, "\(place): category \(category)") }
      for rule in evidence.rules + evidence.except { #expect(ruleIDs.contains(rule), "\(place): rule \(rule)") }
      for fact in evidence.facts { #expect(facts.contains(fact), "\(place): fact \(fact)") }
    }
  }

  @Test("An exception names a rule of the evidence's own categories")
  func exceptionsBelong() {
    for (place, evidence) in Self.evidence {
      for rule in evidence.except {
        let category = Self.rules.rules.first { $0.id == rule }?.category
        #expect(category.map(evidence.categories.contains) == true || evidence.rules.contains(rule), "\(place): \(rule)")
      }
    }
  }

  @Test("A question's keys become its evidence, answers and texts")
  func parsesAQuestion() throws {
    let question = try #require(try Self.parse(Self.payment).questions.first)
    #expect(question.id == "paid" && question.question == "Are you paid?")
    #expect(question.yes.categories == ["clear-compensation"] && question.no.rules == ["vague-payment"])
    #expect(question.whenBoth == .no && question.concern == .no && !question.silenceIsConcern)
    #expect(question.yesText == "The pay is stated" && question.notStatedText == "Nothing about pay.")
    #expect(question.location?.description == "mine/summary/q.yml:3:3")
    try Self.parse(Self.payment).validate(against: Self.rules)
  }

  @Test("A rule or fact no rule set has is an error at its line, with the nearest name")
  func unknownNames() throws {
    let misspelt = Self.payment.replacingOccurrences(of: "[vague-payment]", with: "[vage-payment]")
    let error = try #require(throws: RuleLoadError.self) { try Self.parse(misspelt).validate(against: Self.rules) }
    #expect(
      error.errorDescription
        == "mine/summary/q.yml:6:7: question 'paid' (no) names unknown rule 'vage-payment' (did you mean 'vague-payment'?)")
    let fact = Self.payment.replacingOccurrences(of: "{rules: [vague-payment]}", with: "{facts: [fact-payment-amont]}")
    let factError = try #require(throws: RuleLoadError.self) { try Self.parse(fact).validate(against: Self.rules) }
    #expect(
      factError.errorDescription?.contains("unknown fact 'fact-payment-amont' (did you mean 'fact-payment-amount'?)") == true)
  }

  @Test("Unknown categories, keys and answers are refused when parsed, at their line")
  func strictParsing() throws {
    let cases: [(String, String, String)] = [
      ("[clear-compensation]", "[clear-compenstion]", "q.yml:5:22: 'clear-compenstion' is not a valid category"),
      ("if_both: no", "if_both: maybe", "q.yml:7:12: 'maybe' is not a valid if_both; expected one of: yes, no, partly"),
      ("bad_answer: no", "bad_anwser: no", "q.yml:8:3: unknown key 'bad_anwser' in a question"),
      ("    not_stated: Nothing about pay.", "", "q.yml:10:5: say has no 'not_stated'"),
    ]
    for (old, new, expected) in cases {
      let error = try #require(throws: RuleLoadError.self) {
        try Self.parse(Self.payment.replacingOccurrences(of: old, with: new))
      }
      #expect(error.errorDescription?.contains(expected) == true, "\(error.errorDescription ?? "")")
    }
    let unanswerable = "version: 1\nquestion:\n  id: x\n  asks: Why?\n  say: {not_stated: Nothing.}\n"
    #expect(throws: RuleLoadError.self) { try Self.parse(unanswerable) }
  }

  @Test("The grade's formula is data: its words, its weights and its grades come from grade.yml")
  func gradingFormula() throws {
    let formula = try #require(Self.bundled.gradingFormula)
    #expect(formula.version == "fineprint-grade/1" && formula.steps.map(\.grade) == ["E", "D", "C", "B", "A"])
    #expect(
      formula.description.hasSuffix(
        "E when balance ≤ −10 or blockers > good; D when blockers ≥ 3 or bad > good; C when balance < 5; B when any bad point; else A"
      ))
    #expect(formula.meaning(of: "E") == "avoid")
    let strict = """
      version: 1
      grade:
        version: strict/1
        blocker_weight: 10
        minimum_words: 20
        grades:
          - {grade: F, meaning: do not sign, when: [{blockers_at_least: 1}]}
          - {grade: P, meaning: pass}
      """
    let mine = try #require(try Self.parse(strict).gradingFormula)
    let points = mine.points(good: 4, bad: 0, blockers: 1)
    #expect(points.balance == -6)
    #expect(mine.grade(points) == ("F", "1 blockers ≥ 1"))
    #expect(mine.grade(mine.points(good: 1, bad: 3, blockers: 0)) == ("P", "no bad points, balance -2"))
    // A grade without conditions before the last would hide the rest; an unknown test is refused.
    let hidden = strict.replacingOccurrences(of: "when: [{blockers_at_least: 1}]", with: "when: []")
    #expect(throws: RuleLoadError.self) { try Self.parse(hidden.replacingOccurrences(of: ", when: []", with: "")) }
    let unknown = strict.replacingOccurrences(of: "blockers_at_least", with: "blockers_atleast")
    let error = try #require(throws: RuleLoadError.self) { try Self.parse(unknown) }
    #expect(error.errorDescription?.contains("unknown key 'blockers_atleast' in a condition") == true)
  }

  @Test("Two files asking a question with one ID: an error naming both")
  func duplicateQuestion() throws {
    let error = try #require(throws: RuleLoadError.self) {
      try SummaryTables.parse(files: [("a/summary/1.yml", Self.payment), ("a/summary/2.yml", Self.payment)])
    }
    #expect(error.errorDescription == "a/summary/2.yml:3:3: duplicate rule id 'paid' (first defined at a/summary/1.yml:3:3)")
  }

  @Test("A rule folder's summary/ holds questions, not rules, and a new question is one file")
  func ruleFolderQuestion() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-questions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("summary"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.payment.write(to: folder.appendingPathComponent("summary/20-paid.yml"), atomically: true, encoding: .utf8)
    #expect(try RuleSet.load(path: folder.path).rules.isEmpty)
    let loaded = try #require(try SummaryTables.load(ruleFolder: folder.path))
    let summarizer = try Summarizer(linter: Linter(engine: TestSupport.engine()), tables: loaded)
    let document = try TestSupport.document("We pay €25 for each session. Bonuses are paid at our discretion.")
    let answer = try #require(summarizer.summarize(document).answers.first)
    #expect(answer.id == "paid" && answer.answer == "no" && answer.concern)
  }
}
