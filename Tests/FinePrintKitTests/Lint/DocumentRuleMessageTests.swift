import Testing
@testable import FinePrintKit

/// What a document rule says it looked for: a required pattern shown as words a reader knows.
@Suite("Document rule messages")
struct DocumentRuleMessageTests {
  static let evaluator = DocumentRuleEvaluator(linter: try! Linter(engine: TestSupport.engine()))

  @Test(
    "A pattern reads as its first alternatives, without optional words or gaps",
    arguments: [
      ("how to (withdraw | leave | stop)", "how to withdraw"),
      ("(you)? (consent+ | agree+) ..6 (to)? (the)? (collection | use)", "consent collection"),
      ("(at any time)? (withdraw | revoke) your? consent", "withdraw consent"),
      ("(right | rights) to (withdraw | (be forgotten))", "right to withdraw"),
      ("#number (days | weeks)", "days"),
    ])
  func example(_ pattern: String, _ expected: String) {
    #expect(Self.evaluator.example(of: pattern) == expected)
  }

  @Test("A word list reads as its shortest phrase")
  func wordList() {
    #expect(Self.evaluator.example(of: "@fact-withdrawal-heading") == "how to withdraw")
  }
}
