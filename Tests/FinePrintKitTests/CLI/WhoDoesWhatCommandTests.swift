import Foundation
import Testing
@testable import FinePrintKit

/// Who does what, through the command line as a user runs it: a restriction on the reader is not
/// the provider's promise, the reader's own right is not the provider's power, and a promise
/// about one item is not a promise about the reader's data (issue: read who does what).
@Suite("Who does what, end to end", .enabled(if: CLIRunner.executable != nil, "needs the built fineprint binary"))
struct WhoDoesWhatCommandTests {
  static let consent = """
    Harbour Voice Study: consent to take part

    The Harbour Voice Study Team ("the Study Team", "we") records volunteers reading short sentences aloud.

    1. Your part

    Participants may discontinue participation at any time for any reason. Your study account cannot be \
    transferred to another person. You agree that you will not copy, modify, adapt, translate or create \
    derivative works based on any content of the recording app.

    2. Your recordings

    We will never give your email address to third parties. The Study Team may terminate your \
    participation at any time without giving a reason.
    """

  func json(_ arguments: [String], stdin: String) throws -> [String: Any] {
    let run = try CLIRunner.run(arguments + ["-"], stdin: stdin)
    #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
  }

  @Test("lint --format json: each finding belongs to the party the clause makes act")
  func lint() throws {
    let report = try json(["lint", "--format", "json"], stdin: Self.consent)
    let files = try #require(report["files"] as? [[String: Any]])
    let findings = try #require(files.first?["findings"] as? [[String: Any]])
    func rules(in words: String) -> [String] {
      findings.filter { ($0["clause"] as? String)?.contains(words) == true }.compactMap { $0["rule"] as? String }
    }
    // 1. A restriction on the reader is no promise of theirs.
    #expect(rules(in: "account cannot be transferred").isEmpty)
    // 2. The reader's freedom to leave is a way out, not their power to end the account.
    #expect(rules(in: "Participants may discontinue") == ["withdraw-consent"])
    // 3. The reader's promise not to create derivative works is no synthetic copy of them.
    #expect(rules(in: "derivative works").isEmpty)
    // 4. A promise about one item is that, not a promise about their data.
    #expect(rules(in: "email address") == ["one-datum-kept-private"])
    // The provider's own power still counts, named by its defined term.
    #expect(rules(in: "The Study Team may terminate").contains("account-terminated-at-will"))
  }

  @Test("summarize --format json: answers follow the corrected findings")
  func summarize() throws {
    let summary = try json(["summarize", "--format", "json"], stdin: Self.consent)
    let answers = try #require(summary["answers"] as? [[String: Any]])
    func answer(_ id: String) -> String? { answers.first { $0["id"] as? String == id }?["answer"] as? String }
    // No reassuring "no" from the account restriction or the email promise.
    #expect(answer("shared-with-others") == "not stated")
    #expect(answer("withdraw-or-delete") == "yes")
    #expect(answer("uses") == "not stated")
    let termination = answers.first { $0["id"] as? String == "termination" }
    let quotes = (termination?["quotes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
    #expect(answer("termination") == "yes")
    #expect(quotes.allSatisfy { !$0.contains("Participants may discontinue") })
  }
}
