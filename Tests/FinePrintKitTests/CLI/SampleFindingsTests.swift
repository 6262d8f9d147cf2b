import Foundation
import Testing
@testable import FinePrintKit

/// End to end: the built `fineprint` on the Samples finds the risks each was written to contain.
@Suite("fineprint on the Samples", .enabled(if: CLIRunner.executable != nil, "needs the built fineprint binary"))
struct SampleFindingsTests {
  struct Finding: Decodable {
    var rule: String
    var category: String
    var line: Int
    var column: Int
    var match: String
  }

  struct Output: Decodable {
    struct File: Decodable {
      var path: String
      var findings: [Finding]
    }
    var files: [File]
  }

  func findings(_ sample: String) throws -> [Finding] {
    let result = try CLIRunner.run(["lint", "--format", "json", "--fail-on", "never", "Samples/\(sample)"])
    #expect(result.status == 0, "\(result.stderr)")
    return try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8)).files.flatMap(\.findings)
  }

  @Test(
    "The voice marketplace's risky clauses are found",
    arguments: [
      ("consent-by-use", "By creating an account"), ("any-purpose", "for any purpose"),
      ("sell-personal-data", "sell or license your recordings"), ("share-with-third-parties", "share your personal information"),
      ("business-transfer", "acquisition"), ("irrevocable-consent", "irrevocable"), ("deletion-impossible", "cannot delete"),
      ("binding-arbitration", "binding arbitration"), ("jury-trial-waiver", "jury"),
      ("class-action-waiver", "class action"), ("no-way-to-withdraw", ""),
    ])
  func voiceMarketplace(rule: String, words: String) throws {
    let found = try findings("voice-marketplace.html").filter { $0.rule == rule }
    #expect(!found.isEmpty, "\(rule) not found")
    if !words.isEmpty {
      #expect(
        found.contains {
          $0.match.lowercased().contains(words.lowercased()) || words.lowercased().contains($0.match.lowercased())
        },
        "\(rule) matched \(found.map(\.match))")
    }
  }

  @Test(
    "The wider risks of selling one's voice are found in the voice marketplace",
    arguments: [
      "perpetual-licence", "synthetic-replica", "ai-training", "biometric-collection", "indefinite-retention",
      "data-sent-abroad", "vague-payment", "distant-courts", "foreign-law", "liability-capped", "provided-as-is",
      "terms-changed-at-will",
    ])
  func widerRisks(rule: String) throws {
    #expect(try findings("voice-marketplace.html").contains { $0.rule == rule }, "\(rule) not found")
  }

  @Test("Nothing hidden or scripted on the page is read")
  func hiddenParts() throws {
    let all = try findings("voice-marketplace.html")
    #expect(!all.contains { $0.match.contains("cookies to everyone") || $0.match.contains("legal has not reviewed") })
  }

  @Test("Findings point at the matched words in the HTML source")
  func positionsInSource() throws {
    let source = try String(
      contentsOf: TestSupport.packageRoot.appendingPathComponent("Samples/voice-marketplace.html"), encoding: .utf8)
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    for f in try findings("voice-marketplace.html") where f.line <= lines.count {
      let line = lines[f.line - 1]
      let at = String(String.UnicodeScalarView(line[(f.column - 1)...]))
      let firstWord = f.match.split(separator: " ").first.map(String.init) ?? ""
      #expect(at.hasPrefix(firstWord) || at.hasPrefix("&"), "\(f.rule) at \(f.line):\(f.column): \(at.prefix(30))")
    }
  }

  @Test(
    "The biometric licence (Akoma Ntoso) and the fitness consent (hard-wrapped text)",
    arguments: [
      (
        "biometric-licence.xml",
        [
          "irrevocable-consent", "sell-personal-data", "disclosure-without-notice", "class-action-waiver",
          "shortened-claim-period", "bundled-consent", "no-way-to-withdraw", "biometric-collection",
          "deidentified-shared", "indefinite-retention", "synthetic-replica", "terms-changed-at-will",
          "distant-courts",
        ]
      ),
      (
        "fitness-consent.txt",
        [
          "consent-by-use", "share-with-third-parties", "binding-arbitration", "shortened-claim-period",
          "jury-trial-waiver", "no-way-to-withdraw", "ai-training", "data-sent-abroad", "vague-payment",
          "indefinite-retention", "damages-excluded", "provided-as-is",
        ]
      ),
      (
        "creator-licence.docx",
        [
          "perpetual-licence", "irrevocable-consent", "ai-training", "synthetic-replica",
          "share-with-third-parties", "indefinite-retention", "terms-changed-at-will", "binding-arbitration",
          "jury-trial-waiver", "class-action-waiver", "no-way-to-withdraw",
        ]
      ),
    ])
  func otherSamples(sample: String, rules: [String]) throws {
    let found = Set(try findings(sample).map(\.rule))
    for rule in rules { #expect(found.contains(rule), "\(sample): \(rule) not found") }
  }

  @Test("The Word sample: lines are paragraph numbers, headings come from styles, deleted text is not read")
  func wordSample() throws {
    let all = try findings("creator-licence.docx")
    let arbitration = try #require(all.first { $0.rule == "binding-arbitration" })
    // Paragraph 25 (the title, an empty paragraph and the table's cells count), character 49.
    #expect((arbitration.line, arbitration.column) == (25, 49))
    #expect(arbitration.match.hasPrefix("resolved by binding arbitration"))
    let result = try CLIRunner.run(["clauses", "--format", "jsonl", "Samples/creator-licence.docx"])
    let records = try result.stdout.split(separator: "\n").map {
      try JSONDecoder().decode(ClauseRecord.self, from: Data($0.utf8))
    }
    #expect(!records.contains { $0.text.contains("carefully selected") })
    let sharing = try #require(records.first { $0.text.hasPrefix("We may share your recordings") })
    #expect(sharing.text.contains("with our partners, including advertisers"))
    #expect(sharing.headings == ["2. Your data"])
    #expect(records.first { $0.text.hasPrefix("Any dispute") }?.headings == ["4. Disputes", "4.1 Arbitration"])
  }

  @Test("The fair consent form has no risk, and its protections are recognised")
  func fairForm() throws {
    let all = try findings("fair-consent.html")
    let risks = all.filter { Category.named($0.category)?.polarity == .risk }
    #expect(risks.isEmpty, "risks found: \(risks.map { "\($0.rule): \($0.match)" })")
    #expect(
      Set(all.map(\.category)).isSuperset(of: [
        "no-sale", "revocation-right", "selective-sharing",
        "security-commitment", "clear-compensation",
      ]))
  }

  @Test("Exit codes: 1 with findings at the threshold, 0 below it, 2 for a missing file")
  func exitCodes() throws {
    #expect(try CLIRunner.run(["lint", "Samples/fitness-consent.txt"]).status == 1)
    #expect(try CLIRunner.run(["lint", "--fail-on", "never", "Samples/fitness-consent.txt"]).status == 0)
    #expect(try CLIRunner.run(["lint", "Samples/fair-consent.html"]).status == 0)
    let missing = try CLIRunner.run(["lint", "Samples/nope.html"])
    #expect(missing.status == 2)
    #expect(missing.stderr == "fineprint: error: Samples/nope.html: no such file or directory\n")
  }

  @Test("clauses --format jsonl gives one object per clause with its position")
  func clausesJSONL() throws {
    let result = try CLIRunner.run(["clauses", "--format", "jsonl", "Samples/fitness-consent.txt"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count > 20)
    for line in lines {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      for key in ["file", "text", "kind", "headings", "line", "column", "endLine", "endColumn"] {
        #expect(object[key] != nil, "missing \(key)")
      }
    }
  }

  @Test("classify: JSON Lines in, one line out per input, in order")
  func classify() throws {
    let input = """
      {"id": "a", "text": "We may sell your voice recordings to data brokers."}
      {"id": 7, "text": "We do not sell your personal information."}
      """
    let result = try CLIRunner.run(["classify"], stdin: input)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(lines.count == 2)
    #expect(lines[0]?["id"] as? String == "a")
    #expect((lines[0]?["categories"] as? [String])?.contains("third-party-resale") == true)
    #expect(lines[1]?["id"] as? String == "7")
    #expect((lines[1]?["categories"] as? [String]) == ["no-sale"])
  }

  @Test("rules test names the file and line of a broken rule")
  func rulesTestBrokenFile() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("mine.yml")
    try """
    version: 1
    rules:
      - id: my-rule
        category: third-party-resale
        severity: warning
        title: Mine
        message: Mine.
        patterns: ["sell+ ..3 @persnal-data"]
        examples: {flag: [We sell your data.], pass: [We do not.]}
    """.write(to: file, atomically: true, encoding: .utf8)
    let broken = try CLIRunner.run(["rules", "test", dir.path])
    #expect(broken.status == 2)
    #expect(broken.stderr.contains("mine.yml:8:16: unknown lexicon '@persnal-data' (did you mean '@personal-data'?)"))
    try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "persnal", with: "personal")
      .replacingOccurrences(of: "pass: [We do not.]", with: "pass: [We sell your personal data.]")
      .write(to: file, atomically: true, encoding: .utf8)
    let failing = try CLIRunner.run(["rules", "test", dir.path])
    #expect(failing.status == 1)
    #expect(failing.stdout.contains("mine.yml:9:") && failing.stdout.contains("pass example fired"))
  }
}
