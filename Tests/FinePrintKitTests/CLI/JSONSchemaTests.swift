import Foundation
import Testing
@testable import FinePrintKit

/// Every JSON output validates against its published schema in `docs/schemas`, on the Samples.
@Suite(
  "JSON outputs match their schemas",
  .enabled(if: CLIRunner.executable != nil && JSONSchemaValidator.available, "needs the built binary and python3 with jsonschema")
)
struct JSONSchemaTests {
  static let samples = [
    "Samples/fitness-consent.txt", "Samples/voice-marketplace.html", "Samples/biometric-licence.xml",
    "Samples/creator-licence.docx", "Samples/terms-of-service.md", "Samples/fair-consent.html",
  ]

  func run(_ arguments: [String], stdin: String? = nil) throws -> String {
    let result = try CLIRunner.run(arguments, stdin: stdin)
    #expect(result.status <= 1, "\(arguments): \(result.stderr)")
    return result.stdout
  }

  @Test("lint json and jsonl, diff, clauses and classify")
  func findingsAndClauses() throws {
    var checks = [
      JSONSchemaValidator.Check(
        schema: "fineprint-report.schema.json", text: try run(["lint", "--format", "json"] + Self.samples)),
      .init(schema: "fineprint-finding.schema.json", text: try run(["lint", "--format", "jsonl"] + Self.samples), lines: true),
      .init(schema: "fineprint-clause.schema.json", text: try run(["clauses", "--format", "jsonl"] + Self.samples), lines: true),
      .init(
        schema: "fineprint-classification.schema.json",
        text: try run(
          ["classify"],
          stdin: #"{"id": "a", "text": "We may sell your voice recordings to data brokers."}"# + "\n"
            + #"{"id": "b", "text": "You may withdraw at any time."}"# + "\n"),
        lines: true),
    ]
    // A diff with a point added, one removed and one reworded.
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let old = dir.appendingPathComponent("old.txt")
    let new = dir.appendingPathComponent("new.txt")
    try "We do not sell your data.\n\nAny dispute will be resolved by binding arbitration.\n".write(
      to: old, atomically: true, encoding: .utf8)
    try "We may sell your data to advertisers.\n\nAll disputes shall be settled by binding arbitration.\n".write(
      to: new, atomically: true, encoding: .utf8)
    let diff = try run(["diff", "--format", "json", old.path, new.path])
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(diff.utf8)) as? [String: [Any]])
    #expect(parsed["added"]?.isEmpty == false && parsed["removed"]?.isEmpty == false)
    checks.append(.init(schema: "fineprint-diff.schema.json", text: diff))
    let problems = try JSONSchemaValidator.problems(checks)
    #expect(problems.isEmpty, "\(problems)")
  }

  @Test("summarize json: every key present, a graded and an ungraded summary")
  func summaries() throws {
    var checks = try Self.samples.map {
      JSONSchemaValidator.Check(
        schema: "fineprint-summary.schema.json",
        text: try run(["summarize", "--format", "json", $0]))
    }
    // Too little text to grade: `grade` is null and `gradeWithheld` says why; a graded one has
    // `gradeWithheld: null`.
    let short = try run(["summarize", "--format", "json", "-"], stdin: "Hello.\n")
    let ungraded = try #require(try JSONSerialization.jsonObject(with: Data(short.utf8)) as? [String: Any])
    #expect(ungraded["grade"] is NSNull)
    #expect(ungraded["gradeWithheld"] is String)
    #expect(ungraded["title"] is NSNull)
    let graded = try #require(try JSONSerialization.jsonObject(with: Data(checks[0].text.utf8)) as? [String: Any])
    #expect(graded["grade"] is String)
    #expect(graded["gradeWithheld"] is NSNull)
    checks.append(.init(schema: "fineprint-summary.schema.json", text: short))
    let problems = try JSONSchemaValidator.problems(checks)
    #expect(problems.isEmpty, "\(problems)")
  }
}
