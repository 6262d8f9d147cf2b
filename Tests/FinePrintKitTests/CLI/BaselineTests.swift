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
    try "Updated terms.\n\nWe may sell your voice\nrecordings to data brokers.\n\nYou waive any right to a jury trial.\n\nAll disputes will be resolved by binding arbitration."
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
