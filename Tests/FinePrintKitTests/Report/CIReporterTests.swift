import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import FinePrintKit

/// The CI formats at the scale of a real run and within the limits their consumers publish,
/// rendered in process and read back with real parsers.
@Suite("CI output formats at scale")
struct CIReporterTests {
  /// A finding of a bundled rule, at line `n` of `file`.
  static func finding(_ rule: RuleDefinition, file: String = "terms.txt", line n: Int = 1, message: String? = nil) -> Finding {
    let start = SourceLocation(line: n, column: 3, offset: n * 100)
    let end = SourceLocation(line: n, column: 30, offset: n * 100 + 27)
    return Finding(rule: rule.id, category: rule.category, severity: rule.severity, message: message ?? rule.message,
                   file: file, span: SourceSpan(start: start, end: end), match: "sell your voice recordings",
                   clause: "Clause \(n): we may sell your voice recordings to data brokers.", headings: ["Terms"],
                   textRange: n * 100..<n * 100 + 27, clauseRange: n * 100 - 3..<n * 100 + 60)
  }

  static let rules = try! RuleSet.bundled()
  static func rule(severity: Severity) -> RuleDefinition {
    rules.rules.first { $0.severity == severity && !Category.named($0.category).map { $0.polarity == .protection }! }!
  }
  static let protection = rules.rules.first { Category.named($0.category)?.polarity == .protection }!

  /// `count` findings over `files` documents: a tenth errors, a third warnings, the rest info,
  /// and a protection every 7th.
  static func report(findings count: Int, files: Int = 1) -> Report {
    let error = rule(severity: .error), warning = rule(severity: .warning), info = rule(severity: .info)
    var results: [Report.FileResult] = []
    for f in 0..<files {
      let path = "terms/\(f).html"
      let perFile = count / files + (f < count % files ? 1 : 0)
      let findings = (0..<perFile).map { n -> Finding in
        let r = n % 7 == 6 ? protection : n % 10 == 0 ? error : n % 3 == 0 ? warning : info
        return finding(r, file: path, line: n + 1)
      }
      results.append(Report.FileResult(path: path, findings: findings))
    }
    return Report(files: results, rules: rules)
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  static let validator = TestSupport.corpus.deletingLastPathComponent().appendingPathComponent("eval/validate_sarif.py")

  /// Runs the shared SARIF validator (the OASIS schema and GitHub's extra checks) on `text`.
  static func validate(sarif text: String) throws -> (ok: Bool, output: String) {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("run.sarif")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", validator.path, file.path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus == 0, output)
  }

  // MARK: SARIF

  @Test("SARIF: a run of 30,000 findings is cut to GitHub's 25,000 results, the most severe kept, the cut said")
  func sarifLimit() throws {
    let report = Self.report(findings: 30_000, files: 40)
    let risks = report.findings.filter { !$0.isProtection }
    let reporter = SARIFReporter()
    let sarif = try Self.json(reporter.render(report))
    let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == SARIFReporter.gitHubResultLimit)
    #expect(results.count <= 25_000)
    // Every error and warning is kept; the info findings pay for the cut.
    let levels = results.map { $0["level"] as? String }
    #expect(levels.filter { $0 == "error" }.count == risks.filter { $0.severity == .error }.count)
    #expect(levels.filter { $0 == "warning" }.count == risks.filter { $0.severity == .warning }.count)
    let cut = risks.count - 25_000
    let properties = try #require(run["properties"] as? [String: Any])
    #expect(properties["resultsNotReported"] as? Int == cut)
    let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
    let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
    let note = try #require((notes.first?["message"] as? [String: Any])?["text"] as? String)
    #expect(note.contains("\(cut) findings not written (\(cut) info)"))
    #expect(notes.first?["level"] as? String == "warning")
    #expect(reporter.warnings(for: report) == [note])
    // Kept results stay in document order.
    let uris = results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String } }
    #expect(uris == uris.sorted { Int($0.dropFirst(6).dropLast(5))! < Int($1.dropFirst(6).dropLast(5))! })
  }

  @Test("SARIF: a cut run passes the official 2.1.0 schema and GitHub's checks",
        .enabled(if: FileManager.default.fileExists(atPath: CIReporterTests.validator.path)))
  func sarifCutValidates() throws {
    let report = Self.report(findings: 300, files: 3)
    let text = SARIFReporter(maxResults: 100).render(report)
    let (ok, output) = try Self.validate(sarif: text)
    #expect(ok, "\(output)")
    let run = try #require((try Self.json(text)["runs"] as? [[String: Any]])?.first)
    #expect((run["results"] as? [[String: Any]])?.count == 100)
  }

  @Test("SARIF: protections are not results (code scanning would raise them as alerts), only counted")
  func sarifProtections() throws {
    let report = Self.report(findings: 70)
    let protections = report.findings.filter(\.isProtection).count
    #expect(protections == 10)
    let run = try #require((try Self.json(SARIFReporter().render(report))["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 60)
    #expect(!results.contains { $0["ruleId"] as? String == Self.protection.id })
    #expect((run["properties"] as? [String: Any])?["protectionsNotReported"] as? Int == protections)
    #expect((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] == nil)
    #expect(SARIFReporter().warnings(for: report).isEmpty)
  }

  @Test("--fail-on info fails on an info risk, never on protections alone")
  func protectionsNeverFail() throws {
    let onlyProtections = Report(files: [.init(path: "fair.html", findings: [Self.finding(Self.protection)])], rules: Self.rules)
    #expect(Self.protection.severity == .info)
    #expect(!onlyProtections.fails(at: .info))
    #expect(!onlyProtections.fails(at: nil))
    let infoRisk = Report(files: [.init(path: "t.html", findings: [Self.finding(Self.rule(severity: .info))])], rules: Self.rules)
    #expect(infoRisk.fails(at: .info))
    #expect(!infoRisk.fails(at: .warning))
  }
}
