import Testing
@testable import FinePrintKit

@Suite("Pattern hints: valid patterns that say something else than meant")
struct PatternHintsTests {
  func hints(_ pattern: String, flag: String) throws -> [String] {
    let yaml = """
      version: 1
      rules:
        - id: sample-rule
          category: limitation-of-liability
          severity: warning
          title: Sample
          message: Sample.
          patterns: ["\(pattern)"]
          examples: {flag: [\(flag)], pass: [We pay for any loss.]}
      """
    return PatternHints(ruleSet: try RuleSet.parse(files: [("Rules/r.yml", yaml)])).hints().map(\.description)
  }

  @Test("'+' on a stem that is not a word is named, with the file, line and the fix")
  func stemWithPlus() throws {
    let found = try hints("liabilit+ ..3 excluded", flag: "All liability is excluded.")
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("Rules/r.yml:") == true)
    #expect(found.first?.contains("'liabilit*'") == true)
    #expect(try hints("countr+ ..3 outside", flag: "Data stored in countries outside the EU.").count == 1)
  }

  @Test("A real word with '+', a stem with '*', and words inside a regex give no hint")
  func noHint() throws {
    #expect(try hints("exclude+ ..3 liability", flag: "We exclude all liability.").isEmpty)
    #expect(try hints("liabilit* ..3 excluded", flag: "All liability is excluded.").isEmpty)
    #expect(try hints("week+ ..3 notice", flag: "Two weekdays of notice.").isEmpty)
    #expect(try hints("/^liabilit+y$/ ..3 excluded", flag: "All liability is excluded.").isEmpty)
  }

  @Test("The bundled rules need no hint")
  func bundled() throws {
    for hint in PatternHints(ruleSet: try RuleSet.bundled()).hints() {
      Issue.record(Comment(rawValue: hint.description))
    }
  }

  @Test("Irregular verbs common in terms inflect: hear+ matches heard, bind+ matches bound")
  func irregular() {
    #expect(WordForms.forms(of: "hear").contains("heard"))
    #expect(WordForms.forms(of: "bind").contains("bound"))
  }
}
