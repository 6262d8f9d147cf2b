import Foundation
import Testing
@testable import FinePrintKit

/// `explain` prints its own account of each clause; these tests hold it to what `lint` reports,
/// rule by rule and clause by clause, so the two cannot drift apart again.
@Suite("explain and lint agree")
struct ExplainAgreesWithLintTests {
  static let linter = try! Linter(engine: RuleEngine.bundled())

  static let sampleNames: [String] = [
    "biometric-licence.xml", "creator-licence.docx", "fair-consent.html", "fitness-consent.txt",
    "terms-of-service.md", "voice-marketplace.html",
  ]

  /// The shared corpus's consent forms and CLAUDETTE terms, when the corpus is beside the clone.
  static var corpusPaths: [String] {
    ["consent/documents", "claudette/documents"].flatMap { folder in
      let url = TestSupport.corpus.appendingPathComponent(folder)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      return names.sorted().map { "\(folder)/\($0)" }
    }
  }

  /// Every rule's verdict on every clause: explain's "→ reported" where lint has a finding of the
  /// rule in that clause, and nowhere else; for a document rule, reported exactly when lint reports it.
  static func expectAgreement(_ url: URL, name: String) throws {
    let document = try DocumentIngester().ingest(InputSource(name: name, bytes: Array(try Data(contentsOf: url))))
    let findings = linter.lint(document)
    let explainer = RuleExplainer(linter: linter)
    let rules = linter.engine.ruleSet.rules
    for index in rules.indices where rules[index].kind == .requires {
      let reported = findings.contains { $0.rule == rules[index].id }
      #expect(explainer.documentDecision(ruleAt: index, in: document).reported == reported, "\(rules[index].id) in \(name)")
    }
    let clauseRules = rules.indices.filter { rules[$0].kind != .requires }
    for (index, decisions) in zip(clauseRules, explainer.clauseDecisions(rulesAt: clauseRules, in: document)) {
      let byLint = Set(findings.filter { $0.rule == rules[index].id }.map(\.clauseStart))
      let byExplain = Set(decisions.filter(\.reported).map(\.clause.range.lowerBound))
      #expect(byExplain == byLint, "\(rules[index].id) in \(name)")
    }
  }

  @Test("On the Samples", arguments: sampleNames)
  func samples(name: String) throws {
    try Self.expectAgreement(TestSupport.packageRoot.appendingPathComponent("Samples/\(name)"), name: name)
  }

  @Test(
    "On the shared corpus's consent forms and terms",
    .enabled(if: TestSupport.hasCorpus, "needs ../shared/corpus beside the clone"),
    arguments: corpusPaths)
  func corpus(path: String) throws {
    try Self.expectAgreement(TestSupport.corpus.appendingPathComponent(path), name: path)
  }

  @Test("The clause of issue 15: a rule that counts matches (legalese) is not reported by explain when lint does not report it")
  func countedMatches() throws {
    let document = try TestSupport.document("Notwithstanding section 4, you may withdraw at any time.")
    let index = try #require(Self.linter.engine.ruleSet.rules.firstIndex { $0.id == "legalese" })
    #expect(Self.linter.lint(document).allSatisfy { $0.rule != "legalese" })
    let decisions = RuleExplainer(linter: Self.linter).clauseDecisions(ruleAt: index, in: document)
    #expect(decisions.contains { $0.considered })
    #expect(!decisions.contains { $0.reported })
  }
}
