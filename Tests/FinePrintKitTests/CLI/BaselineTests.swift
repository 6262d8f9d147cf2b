import Foundation
import Testing
@testable import FinePrintKit

@Suite("Baselines", .enabled(if: CLIRunner.executable != nil, "needs the built fineprint binary"))
struct BaselineTests {
  @Test("A baseline hides known findings, even after the terms are reflowed, and shows new ones")
  func onlyNewFindings() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let terms = dir.appendingPathComponent("terms.txt")
    let baseline = dir.appendingPathComponent("baseline.json").path
    try "We may sell your voice recordings to data brokers.\n\nYou waive any right to a jury trial."
      .write(to: terms, atomically: true, encoding: .utf8)
    let first = try CLIRunner.run(["lint", "--write-baseline", baseline, terms.path])
    #expect(first.status == 1)
    // Republished: reflowed, moved down, and one new clause.
    try
      "Updated terms.\n\nWe may sell your voice\nrecordings to data brokers.\n\nYou waive any right to a jury trial.\n\nAll disputes will be resolved by binding arbitration."
      .write(to: terms, atomically: true, encoding: .utf8)
    let second = try CLIRunner.run(["lint", "--format", "jsonl", "--baseline", baseline, terms.path])
    let rules = second.stdout.split(separator: "\n").compactMap {
      (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["rule"] as? String
    }
    #expect(rules == ["binding-arbitration"])
    #expect(second.status == 1)
  }

  @Test("A file that is not a baseline is an error naming it")
  func badBaseline() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let bad = dir.appendingPathComponent("baseline.json")
    try "not json".write(to: bad, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["lint", "--baseline", bad.path, "Samples/fair-consent.html"])
    #expect(result.status == 2)
    #expect(result.stderr.contains(bad.path) && result.stderr.contains("not a FinePrint baseline"))
  }
}

@Suite("Configuration, end to end", .enabled(if: CLIRunner.executable != nil, "needs the built fineprint binary"))
struct ConfigurationCLITests {
  @Test("The nearest .fineprint.yml is applied: ignored paths, severities, fail_on")
  func applied() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let legal = dir.appendingPathComponent("legal/archive")
    try FileManager.default.createDirectory(at: legal, withIntermediateDirectories: true)
    let terms = "All disputes will be resolved by binding arbitration.\n\nYou may withdraw your consent at any time."
    try terms.write(to: dir.appendingPathComponent("legal/terms.txt"), atomically: true, encoding: .utf8)
    try terms.write(to: legal.appendingPathComponent("old.txt"), atomically: true, encoding: .utf8)
    try "version: 1\nseverity: {waived-litigation: info}\nignore: [\"legal/archive/**\"]\nfail_on: warning\n"
      .write(to: dir.appendingPathComponent(".fineprint.yml"), atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["lint", "--format", "jsonl", dir.appendingPathComponent("legal").path])
    let findings = result.stdout.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(findings.allSatisfy { ($0["file"] as? String)?.contains("archive") == false })
    #expect(findings.first { $0["rule"] as? String == "binding-arbitration" }?["severity"] as? String == "info")
    #expect(result.status == 0, "arbitration is only info here, and fail_on is warning")
    let strict = try CLIRunner.run(["lint", "--no-config", dir.appendingPathComponent("legal").path])
    #expect(strict.status == 1)
  }
}
