import Foundation
import Testing
@testable import FinePrintKit

/// The limits a user can change (issue 16): in `.fineprint.yml`, on the command line, and what
/// each does when a document passes it.
@Suite("Limits on one document")
struct LimitsTests {
  // MARK: - Configuration

  @Test("limits: in .fineprint.yml sets each limit; the command line's win over it")
  func configured() throws {
    let yaml = "version: 1\nlimits: {max_size: 5, max_depth: 40, max_clause_bytes: 2000, timeout: 9}\n"
    let config = try Configuration.parse(Array(yaml.utf8), path: "repo/.fineprint.yml")
    #expect(config.limits == Limits.Settings(maxSizeMegabytes: 5, maxDepth: 40, maxClauseBytes: 2000, timeoutSeconds: 9))
    let limits = Limits.standard.applying(config.limits)
    #expect(
      limits.maxBytes == 5 * 1_048_576 && limits.maxDepth == 40 && limits.maxClauseBytes == 2000 && limits.timeoutSeconds == 9)
    let overridden = limits.applying(Limits.Settings(maxDepth: 300))
    #expect(overridden.maxDepth == 300 && overridden.maxBytes == 5 * 1_048_576)
    #expect(try Configuration.parse(Array("version: 1\n".utf8), path: ".fineprint.yml").limits == Limits.Settings())
  }

  @Test(
    "A mistake in limits: names the file and line, and what the value must be",
    arguments: [
      (
        "limits: {max_sise: 5}",
        ":2:10: unknown key 'max_sise' in limits; expected one of: max_size, max_depth, max_clause_bytes, timeout"
      ),
      ("limits: {max_size: 0}", ":2:20: 'max_size' must be a whole number of megabytes from 1 to 2047"),
      ("limits: {max_size: 99999999999999999999}", ":2:20: 'max_size' must be a whole number of megabytes from 1 to 2047"),
      ("limits: {max_depth: 3000}", ":2:21: 'max_depth' must be a whole number of nested elements from 1 to 2048"),
      ("limits: {max_clause_bytes: -5}", ":2:28: 'max_clause_bytes' must be a whole number of bytes from 100 to 1048576"),
      ("limits: {timeout: 1.5}", ":2:19: 'timeout' must be a whole number of seconds from 1 to 86400"),
      ("limits: {timeout: [1]}", ":2:19: 'timeout' must be text"),
      ("limits: 5", ":2:9: 'limits' must be a mapping of keys to values"),
    ])
  func badLimits(line: String, expected: String) {
    #expect {
      try Configuration.parse(Array("version: 1\n\(line)\n".utf8), path: "repo/.fineprint.yml")
    } throws: { error in
      (error as? RuleLoadError)?.errorDescription == "repo/.fineprint.yml" + expected
    }
  }

  // MARK: - Nesting

  @Test("A .docx nested past the limit is an error at the paragraph it reached; a larger limit reads it")
  func deepDocx() throws {
    let depth = 300
    let body =
      DocxBuilder.p("We may sell your data.") + String(repeating: "<w:sdt><w:sdtContent>", count: depth)
      + DocxBuilder.p("Any dispute will be resolved by binding arbitration.")
      + String(repeating: "</w:sdtContent></w:sdt>", count: depth)
    let bytes = try DocxBuilder.docx(body)
    // libxml2 alone stopped at 256 with a warning, and the rest of the document was lost.
    #expect(throws: IngestError.tooDeep(path: "deep.docx", line: 2, limit: 256)) {
      try DocumentIngester().ingest(InputSource(name: "deep.docx", bytes: bytes))
    }
    let document = try DocumentIngester(maxDepth: 2 * depth + 10).ingest(InputSource(name: "deep.docx", bytes: bytes))
    #expect(document.text.hasSuffix("binding arbitration."))
    #expect(document.warnings.isEmpty)
  }

  // MARK: - Clause length

  @Test("A clause longer than the limit is cut into pieces at spaces, each within the limit, covering it all")
  func cutClauses() throws {
    let words = (0..<3_000).map { ["we", "may", "share", "your", "data", "with", "partners"][$0 % 7] }.joined(separator: " ")
    let long = "They " + words + "."
    let document = try TestSupport.document("Heading line\n\nWe may sell your data. " + long + "\n")
    let clauses = ClauseSegmenter(maxClauseBytes: 1_000).clauses(in: document)
    let pieces = clauses.filter { $0.cutFrom != nil }
    #expect(pieces.count >= long.utf8.count / 1_000 + 1 && pieces.count <= long.utf8.count / 500 + 1)
    #expect(pieces.allSatisfy { $0.range.count <= 1_000 })
    // Pieces end at a space (none splits a word or holds the space) and together cover the clause.
    #expect(
      pieces.dropLast().allSatisfy {
        document.bytes[$0.range.upperBound] == 0x20 && document.bytes[$0.range.upperBound - 1] != 0x20
      })
    #expect(pieces.first?.range.lowerBound == pieces.first?.cutFrom?.lowerBound)
    #expect(pieces.last?.range.upperBound == pieces.last?.cutFrom?.upperBound)
    for (a, b) in zip(pieces, pieces.dropFirst()) { #expect(a.range.upperBound + 1 == b.range.lowerBound) }
    // The ordinary clause before it is whole.
    #expect(clauses.contains { $0.cutFrom == nil && document.text(in: $0.range) == "We may sell your data." })
    #expect(
      ClauseSegmenter.cutWarnings(clauses, in: document, limit: 1_000) == [
        "test.txt:3:24: a clause of \(long.utf8.count) bytes was cut into \(pieces.count) pieces of at most 1000 bytes, so a term worded across a cut may be missed "
          + "(raise it with --max-clause-bytes, or max_clause_bytes under limits in .fineprint.yml)"
      ])
    // Without a space, a piece ends at a character boundary.
    let unbroken = try TestSupport.document(String(repeating: "é", count: 1_000))
    let cut = ClauseSegmenter(maxClauseBytes: 101).clauses(in: unbroken)
    #expect(cut.count == 20 && cut.allSatisfy { $0.range.count == 100 })
  }

  @Test("A document of one 2 MB sentence is linted in pieces, in linear time, with the invariants kept")
  func longClauseLints() throws {
    let text =
      (0..<330_000).map { ["we", "may", "sell", "your", "data", "to", "brokers"][$0 % 7] }.joined(separator: " ") + ".\n"
    let document = try TestSupport.document(text)
    let linter = try Linter(engine: TestSupport.engine())
    let start = ContinuousClock.now
    let result = linter.lintApplyingSuppressions(document)
    #expect(ContinuousClock.now - start < .seconds(60))
    #expect(result.findings.contains { $0.rule == "sell-personal-data" })
    #expect(
      result.problems.count == 1
        && result.problems[0].hasPrefix("test.txt:1:1: a clause of \(text.utf8.count - 1) bytes was cut into "))
    #expect(LintInvariants.violations(of: document, linter: linter).isEmpty)
  }

  // MARK: - Time

  @Test("A document past its time budget is an error naming it and where it stopped; within it, the findings are the same")
  func timeBudget() throws {
    let linter = try Linter(engine: TestSupport.engine())
    let document = try TestSupport.document(String(repeating: "We may sell your data to brokers.\n\n", count: 2_000))
    #expect(throws: LintError.timedOut(path: "test.txt", seconds: 7, line: nil)) {
      try linter.lint(document, deadline: .now - .seconds(1), budgetSeconds: 7)
    }
    #expect(
      LintError.timedOut(path: "t.html", seconds: 7, line: nil).errorDescription
        == "t.html: took more than 7 seconds before its clauses could be matched (raise it with --timeout, or timeout under limits in .fineprint.yml)"
    )
    #expect(
      LintError.timedOut(path: "t.html", seconds: 1, line: 12).errorDescription
        == "t.html:12: took more than 1 second; stopped at the clause on this line (raise it with --timeout, or timeout under limits in .fineprint.yml)"
    )
    let unhurried = try linter.lint(document, deadline: .now + .seconds(600), budgetSeconds: 600)
    #expect(unhurried == linter.lint(document))
    // Run out between clauses: the error names the first clause left.
    var slow = linter
    slow.threads = 1
    let big = try TestSupport.document(String(repeating: "We may sell your data to brokers.\n\n", count: 200_000))
    let clauses = slow.segmenter.clauses(in: big)
    // A budget of three times what a tenth of the clauses takes, whatever the machine's speed.
    let tenth = ContinuousClock().measure { _ = slow.lint(big, clauses: Array(clauses.prefix(20_000)), documentRules: true) }
    do {
      _ = try slow.lint(
        big, clauses: clauses, documentRules: true, deadline: Linter.Deadline(instant: .now + tenth * 3, seconds: 1))
      Issue.record("200,000 clauses were linted within 200 ms")
    } catch {
      guard case .timedOut(path: "test.txt", seconds: 1, line: let line?) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(line > 1 && line < 400_000 && line % 2 == 1)
    }
  }
}
