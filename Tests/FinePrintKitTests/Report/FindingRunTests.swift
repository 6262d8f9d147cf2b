import Testing
@testable import FinePrintKit

/// A section that repeats a point is one entry for a reader, with its extent.
@Suite("Finding runs: one entry per rule per section in people's formats")
struct FindingRunTests {
  static let linter = try! Linter(engine: TestSupport.engine())

  static let terms = """
    Terms

    1. Disputes

    Any dispute will be resolved by binding arbitration. The arbitration will be binding on both of us. \
    Claims go to binding arbitration in Delaware.

    2. Other

    Any dispute about payments will be resolved by binding arbitration as well.
    """

  @Test("Findings of one rule in one section form one run; another section starts another")
  func runsBySection() throws {
    let findings = Self.linter.lint(try TestSupport.document(Self.terms))
    let arbitration = findings.filter { $0.rule == "binding-arbitration" }
    #expect(arbitration.count >= 3)
    let runs = FindingRun.runs(arbitration)
    #expect(runs.count == 2)
    #expect(runs[0].findings.count == arbitration.count - 1)
    #expect(runs[0].extent?.contains("of \"1. Disputes\"") == true)
    #expect(runs[1].extent == nil)
  }

  @Test("The text format shows a run once, with its extent, and still counts every finding")
  func textFormat() throws {
    let document = try TestSupport.document(Self.terms)
    let findings = Self.linter.lint(document)
    let report = Report(files: [.init(path: document.path, findings: findings)], rules: Self.linter.engine.ruleSet)
    let text = TextReporter().render(report)
    let entries = text.split(separator: "\n").filter { $0.hasSuffix("[binding-arbitration]") }
    #expect(entries.count == 2)
    #expect(text.contains("… and \(findings.count { $0.rule == "binding-arbitration" } - 2) more clause"))
    #expect(text.contains("\(findings.count) finding"))
  }
}
