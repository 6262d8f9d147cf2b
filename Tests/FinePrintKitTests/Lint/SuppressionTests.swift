import Foundation
import Testing
@testable import FinePrintKit

@Suite("Inline suppressions")
struct SuppressionTests {
  let linter = try! Linter(engine: TestSupport.engine())
  let today = Suppression.endOf("2026-11-26")!

  @Test("A directive is parsed: kind, rules or categories, reason, expiry")
  func parse() throws {
    let s = try #require(
      Suppression.parse(
        SourceComment(
          text: "fineprint-disable-next-line waived-litigation, sell-personal-data: reviewed by counsel until 2027-06",
          range: 0..<10)))
    #expect(s.kind == .nextLine)
    #expect(s.targets == ["waived-litigation", "sell-personal-data"])
    #expect(s.reason == "reviewed by counsel until 2027-06")
    #expect(s.expires == Suppression.endOf("2027-07-01").map { $0.addingTimeInterval(-86_400) })
    #expect(Suppression.parse(SourceComment(text: "a normal comment", range: 0..<1)) == nil)
    #expect(Suppression.parse(SourceComment(text: "fineprint-disabled x", range: 0..<1)) == nil)
  }

  @Test("HTML: next-line, disable…enable, expired, no rule, unused")
  func html() throws {
    let doc = try TestSupport.html(
      """
      <p>Intro.</p>
      <!-- fineprint-disable-next-line waived-litigation: reviewed by counsel until 2099-06 -->
      <p>All disputes will be resolved by binding arbitration.</p>
      <!-- fineprint-disable-next-line jury-trial-waiver: old until 2020-01 -->
      <p>You waive any right to a jury trial.</p>
      <!-- fineprint-disable third-party-resale: partner programme -->
      <p>We may share your personal data with our partners.</p>
      <!-- fineprint-enable -->
      <p>We may sell your personal data to data brokers.</p>
      <!-- fineprint-disable-next-line -->
      <!-- fineprint-disable-next-line content-removal: nothing here -->
      <p>You may withdraw your consent at any time.</p>
      """)
    let result = linter.lintApplyingSuppressions(doc, today: today)
    #expect(Set(result.suppressed.map(\.rule)) == ["binding-arbitration", "share-with-third-parties"])
    #expect(result.suppressed.first { $0.rule == "binding-arbitration" }?.suppression == "reviewed by counsel until 2099-06")
    #expect(result.findings.contains { $0.rule == "jury-trial-waiver" })
    #expect(result.findings.contains { $0.rule == "sell-personal-data" })
    #expect(result.problems.count == 3)
    #expect(result.problems.contains { $0.hasPrefix("test.html:4:1: ") && $0.contains("expired") })
    #expect(result.problems.contains { $0.hasPrefix("test.html:10:1: ") && $0.contains("names no rule") })
    #expect(result.problems.contains { $0.hasPrefix("test.html:11:1: ") && $0.contains("suppresses nothing") })
  }

  @Test("A suppression naming a rule's old ID covers the rules it was split into")
  func oldRuleID() throws {
    let doc = try TestSupport.html(
      """
      <!-- fineprint-disable-next-line liability-excluded: accepted by counsel -->
      <p>The app is provided "as is", and our total liability to you will not exceed ten dollars.</p>
      <p>We are not liable for any loss of data.</p>
      """)
    let result = linter.lintApplyingSuppressions(doc, today: today)
    #expect(Set(result.suppressed.map(\.rule)) == ["provided-as-is", "liability-capped"])
    #expect(result.findings.filter { $0.category == "limitation-of-liability" }.map(\.rule) == ["damages-excluded"])
    #expect(result.problems.isEmpty)
  }

  @Test("Plain text: a line of its own")
  func plainText() throws {
    let doc = try TestSupport.document(
      """
      fineprint-disable-next-line waived-litigation: reviewed

      All disputes will be resolved by binding arbitration.

      You waive any right to a jury trial.
      """)
    let result = linter.lintApplyingSuppressions(doc, today: today)
    #expect(result.suppressed.map(\.rule) == ["binding-arbitration"])
    #expect(result.findings.contains { $0.rule == "jury-trial-waiver" })
    #expect(result.problems.isEmpty)
  }

  @Test("Markdown: a directive in an HTML comment is honoured, and no comment is read as text")
  func markdownComments() throws {
    let doc = try TestSupport.document(
      """
      # Terms

      <!-- fineprint-disable-next-line waived-litigation: reviewed by counsel -->
      All disputes will be resolved by binding arbitration.

      <!-- Editors: we may sell your personal data to data brokers, says the old draft. -->
      <!--
      You waive any right to a jury trial.
      -->
      We may share your personal data with advertisers. <!-- a trailing note stays text -->
      """, name: "terms.md")
    let result = linter.lintApplyingSuppressions(doc, today: today)
    #expect(result.suppressed.map(\.rule) == ["binding-arbitration"])
    #expect(result.problems.isEmpty)
    #expect(!result.findings.contains { $0.rule == "sell-personal-data" || $0.rule == "jury-trial-waiver" })
    #expect(result.findings.contains { $0.rule == "share-with-third-parties" })
    // In a .txt file the same comment lines are text.
    let text = try TestSupport.document(doc.text, name: "terms.txt")
    #expect(linter.lintApplyingSuppressions(text, today: today).findings.contains { $0.rule == "jury-trial-waiver" })
  }

  @Test("Plain text: a directive right above its clause is not read as part of it")
  func plainTextDirectiveIsNoText() throws {
    let doc = try TestSupport.document(
      """
      Terms
      fineprint-disable-next-line sell-personal-data: reviewed by counsel
      We may sell your personal data to data brokers.
      We may sell your personal data to advertisers.
      """)
    let result = linter.lintApplyingSuppressions(doc, today: today)
    #expect(result.suppressed.map(\.line) == [3])
    #expect(result.findings.filter { $0.rule == "sell-personal-data" }.map(\.line) == [4])
    #expect(!result.findings.contains { $0.clause.contains("fineprint-") })
  }

  @Test("A colon right after the keyword ('fineprint-disable-next-line: reason') is reported, not ignored")
  func colonAfterKeyword() throws {
    let s = try #require(
      Suppression.parse(SourceComment(text: "fineprint-disable-next-line: reviewed by counsel", range: 0..<10)))
    #expect(s.kind == .nextLine && s.targets.isEmpty && s.reason == "reviewed by counsel")
    for doc in [
      try TestSupport.document(
        "fineprint-disable-next-line: reviewed by counsel\n\nAll disputes will be resolved by binding arbitration.\n"),
      try TestSupport.html(
        "<!-- fineprint-disable-next-line: reviewed by counsel -->\n<p>All disputes will be resolved by binding arbitration.</p>"),
    ] {
      let result = linter.lintApplyingSuppressions(doc, today: today)
      #expect(result.findings.contains { $0.rule == "binding-arbitration" })
      #expect(
        result.problems == [
          "\(doc.path):1:1: fineprint-disable-next-line names no rule, so it suppresses nothing: write a rule ID or category after it, before the colon (fineprint-disable-next-line RULE: reviewed by counsel)"
        ])
    }
  }
}
