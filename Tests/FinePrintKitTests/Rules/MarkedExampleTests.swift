import Testing
@testable import FinePrintKit

@Suite("Span markers in rule examples")
struct MarkedExampleTests {
  @Test("Markers are read and stripped; a lone or doubled marker is a problem")
  func parsing() {
    let marked = MarkedExample("We may »sell your data« to brokers.")
    #expect(marked.text == "We may sell your data to brokers.")
    #expect(marked.expectedMatch == "sell your data")
    #expect(marked.problem == nil)
    let unmarked = MarkedExample("We may sell your data.")
    #expect(unmarked.text == "We may sell your data." && unmarked.expectedMatch == nil && unmarked.problem == nil)
    #expect(MarkedExample("We may »sell your data.").problem != nil)
    #expect(MarkedExample("We «may» sell your data.").problem != nil)
    #expect(MarkedExample("»We« may »sell« your data.").problem != nil)
  }

  /// A rule whose examples say `flag` with the given text, and one harmless pass.
  func failures(flag: String, pass: String = "We keep it.") throws -> [String] {
    let yaml = """
      version: 1
      rules:
        - id: sells-data
          category: third-party-resale
          severity: warning
          title: Sells data
          message: They sell your data.
          patterns: ["sell+ ..3 data"]
          examples: {flag: ["\(flag)"], pass: ["\(pass)"]}
      """
    let set = try RuleSet.parse(files: [("Rules/r.yml", yaml)])
    let tester = RuleTester(linter: Linter(engine: try RuleEngine(ruleSet: set)))
    return tester.run().map(\.problem)
  }

  @Test("A marked flag example passes only where the rule matches exactly the marked words, also after a multi-byte prefix")
  func checked() throws {
    #expect(try failures(flag: "😀 We may »sell your data« to brokers.").isEmpty)
    #expect(
      try failures(flag: "We may »sell your data to« brokers.") == [
        "matched 'sell your data', but the example marks 'sell your data to'"
      ])
    #expect(try failures(flag: "We »may sell« your data.").first?.hasPrefix("matched 'sell your data'") == true)
    #expect(try failures(flag: "We may »sell your data.").first?.hasPrefix("mark the match with one") == true)
    #expect(
      try failures(flag: "We may sell your data.", pass: "We »keep« it.") == [
        "a pass example has no match to mark: We »keep« it."
      ])
  }
}
