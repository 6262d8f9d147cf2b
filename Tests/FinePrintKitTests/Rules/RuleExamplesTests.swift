import Testing
@testable import FinePrintKit

/// The one generic test of every bundled rule: its own flag and pass examples.
@Suite("Bundled rules prove themselves")
struct RuleExamplesTests {
  /// The bundled rules, compiled once; a broken rule file is the error every example test
  /// below reports (with its file and line), never an empty rule set that passes them all.
  static let linter: Result<Linter, Error> = Result { try Linter(engine: TestSupport.engine()) }

  static var ruleIDs: [String] { ((try? RuleSet.bundled())?.rules ?? []).map(\.id) }

  @Test("The bundled rules load and compile")
  func bundledRulesCompile() throws {
    let engine = try TestSupport.engine()
    #expect(engine.ruleSet.rules.count >= 10)
  }

  @Test("Each rule flags its flag examples and passes its pass examples", arguments: ruleIDs)
  func examples(ruleID: String) throws {
    let linter = try Self.linter.get()
    #expect(linter.engine.ruleSet.rule(ruleID) != nil, "\(ruleID) is not in the compiled rule set")
    let failures = RuleTester(linter: linter).run(only: [ruleID])
    for failure in failures {
      Issue.record(Comment(rawValue: failure.description))
    }
  }

  @Test("Every rule has at least three flag and three pass examples", arguments: ruleIDs)
  func enoughExamples(ruleID: String) throws {
    let rule = try #require(try TestSupport.engine().ruleSet.rule(ruleID))
    #expect(rule.flagExamples.count >= 3, "\(rule.location): \(ruleID) has \(rule.flagExamples.count) flag examples")
    #expect(rule.passExamples.count >= 3, "\(rule.location): \(ruleID) has \(rule.passExamples.count) pass examples")
    #expect(
      !rule.explanation.isEmpty && !rule.suggestion.isEmpty && !rule.references.isEmpty,
      "\(rule.location): \(ruleID) needs an explanation, a suggestion and references")
  }
}
