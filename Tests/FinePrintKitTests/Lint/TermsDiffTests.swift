import Testing
@testable import FinePrintKit

@Suite("Comparing two versions of terms")
struct TermsDiffTests {
  func findings(_ text: String) throws -> [Finding] {
    try Linter(engine: TestSupport.engine()).lint(TestSupport.document(text))
  }

  @Test("New risks, lost protections and reworded clauses are told apart; moved text is no change")
  func diff() throws {
    let old = try findings(
      "We may share your data with partners.\n\nYou may withdraw your consent at any time.\n\nWe keep your data for 12 months.")
    let new = try findings(
      """
      Updated.

      We may share your data with our partners and advertisers.

      We keep your data for as long as we see fit.
      """)
    let diff = TermsDiff(old: old, new: new)
    #expect(diff.added.map(\.rule).contains("indefinite-retention"))
    #expect(diff.removed.map(\.rule) == ["withdraw-consent"])
    #expect(diff.reworded.map(\.new.rule) == ["share-with-third-parties"])
    #expect(diff.text().contains("Protections removed (1):"))
  }

  @Test("The same terms, reflowed, give an empty diff")
  func reflowed() throws {
    let a = try findings("We may sell your voice recordings to data brokers. You waive any right to a jury trial.")
    let b = try findings("We may sell your voice\nrecordings to data brokers.\nYou waive any right to a\njury trial.")
    #expect(TermsDiff(old: a, new: b).isEmpty)
  }
}
