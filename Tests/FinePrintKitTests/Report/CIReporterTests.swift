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
    return Finding(
      rule: rule.id, category: rule.category, severity: rule.severity, message: message ?? rule.message,
      file: file, span: SourceSpan(start: start, end: end), match: "sell your voice recordings",
      clause: "Clause \(n): we may sell your voice recordings to data brokers.",
      headings: ["Terms", "Section \(n)"],
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
    let error = rule(severity: .error)
    let warning = rule(severity: .warning)
    let info = rule(severity: .info)
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
    let uris = results.compactMap {
      (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap {
        ($0["artifactLocation"] as? [String: Any])?["uri"] as? String
      }
    }
    #expect(uris == uris.sorted { Int($0.dropFirst(6).dropLast(5))! < Int($1.dropFirst(6).dropLast(5))! })
  }

  @Test(
    "SARIF: a cut run passes the official 2.1.0 schema and GitHub's checks",
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

  // MARK: GitHub annotations and job summary

  /// The kinds of the workflow commands written, in order.
  static func kinds(_ text: String) -> [String] {
    text.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
  }

  static func report(errors: Int, warnings: Int, infos: Int) -> Report {
    let findings =
      (0..<errors).map { finding(rule(severity: .error), line: $0 + 1) }
      + (0..<warnings).map { finding(rule(severity: .warning), line: 1000 + $0) }
      + (0..<infos).map { finding(rule(severity: .info), line: 2000 + $0) }
    return Report(files: [.init(path: "terms.txt", findings: findings)], rules: rules)
  }

  @Test("GitHub: the 'more findings' notice is within the 10 notices GitHub shows")
  func githubOverflowNoticeIsShown() throws {
    let text = GitHubReporter().render(Self.report(errors: 40, warnings: 40, infos: 40))
    let kinds = Self.kinds(text)
    #expect(kinds.filter { $0 == "::error" }.count == 10)
    #expect(kinds.filter { $0 == "::warning" }.count == 10)
    #expect(kinds.filter { $0 == "::notice" }.count == GitHubReporter.perKindLimit)
    let last = try #require(text.split(separator: "\n").last)
    #expect(last.hasPrefix("::notice title=FinePrint::91 more findings (30 error, 30 warning, 31 info) not shown"))
    // Errors cut but few notices: the summary notice still comes, after them.
    let few = Self.kinds(GitHubReporter().render(Self.report(errors: 12, warnings: 0, infos: 3)))
    #expect(few.filter { $0 == "::notice" }.count == 4)
    // Nothing cut: ten notices, no summary.
    let exact = GitHubReporter().render(Self.report(errors: 10, warnings: 10, infos: 10))
    #expect(Self.kinds(exact).filter { $0 == "::notice" }.count == 10)
    #expect(!exact.contains("more finding"))
  }

  @Test("GitHub: a rule's run through one section is one annotation that names its extent")
  func githubRuns() throws {
    let error = Self.rule(severity: .error)
    let section = (1...5).map { n -> Finding in
      var f = Self.finding(error, line: n)
      f.headings = ["Terms", "7. Disputes"]
      return f
    }
    let text = GitHubReporter().render(Report(files: [.init(path: "terms.txt", findings: section)], rules: Self.rules))
    let lines = text.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.contains("and 4 more clauses of \"7. Disputes\", to line 5") == true)
  }

  @Test("Markdown: a rule's run through one section is one row naming its extent; other files keep their own rows")
  func markdownRuns() throws {
    let error = Self.rule(severity: .error)
    let section = { (file: String) in
      (1...5).map { n -> Finding in
        var f = Self.finding(error, file: file, line: n)
        f.headings = ["Terms", "7. Disputes"]
        return f
      }
    }
    let report = Report(
      files: [.init(path: "a.txt", findings: section("a.txt")), .init(path: "b.txt", findings: section("b.txt"))],
      rules: Self.rules)
    let text = MarkdownReporter().render(report)
    let rows = text.split(separator: "\n").filter { $0.hasPrefix("| 🔴") }
    #expect(text.hasPrefix("### FinePrint: 10 findings in 2 files"))
    #expect(rows.count == 2)
    #expect(rows.allSatisfy { $0.contains("(and 4 more clauses of \"7. Disputes\", to line 5)") })
    #expect(rows.first?.contains("`a.txt:1:3`") == true && rows.last?.contains("`b.txt:1:3`") == true)
  }

  @Test("GitHub: the job summary of 30,000 findings stays under 1 MiB and says what was cut")
  func stepSummaryLimit() throws {
    let report = Self.report(findings: 30_000, files: 424)
    let table = try #require(GitHubReporter.stepSummary(report))
    #expect(table.utf8.count + 1 <= GitHubReporter.stepSummaryLimit)
    #expect(table.utf8.count > GitHubReporter.stepSummaryLimit - 2_000)
    let rows = table.split(separator: "\n").filter { $0.hasPrefix("| 🔴") || $0.hasPrefix("| 🟠") || $0.hasPrefix("| 🟢") }
    let last = String(try #require(table.split(separator: "\n").last))
    let first = try #require(last.split(separator: " ").first)
    let cut = try #require(Int(first.dropFirst(2)))
    #expect(rows.count + cut == 30_000)
    #expect(last.hasPrefix("**\(cut) more findings are not shown** (0 error, "))
    #expect(last.contains("GitHub's 1 MiB limit"))
    // Every error row is kept.
    #expect(rows.filter { $0.hasPrefix("| 🔴") }.count == report.findings.filter { $0.severity == .error }.count)
    // What other steps wrote counts against the limit; with no room left, nothing is written.
    let after = try #require(GitHubReporter.stepSummary(report, existingBytes: 1_000_000))
    #expect(after.utf8.count + 1 + 1_000_000 <= GitHubReporter.stepSummaryLimit)
    #expect(GitHubReporter.stepSummary(report, existingBytes: GitHubReporter.stepSummaryLimit - 10) == nil)
    // A small run is written whole.
    let small = try #require(GitHubReporter.stepSummary(Self.report(findings: 20)))
    #expect(!small.contains("not shown"))
    #expect(small == MarkdownReporter().render(Self.report(findings: 20)))
  }

  // MARK: JUnit and Checkstyle

  /// Documents of every kind: one with nothing, one with errors, warnings, info risks and
  /// protections, one with protections alone.
  static let mixed: Report = {
    let error = rule(severity: .error)
    let warning = rule(severity: .warning)
    let info = rule(severity: .info)
    return Report(
      files: [
        .init(path: "empty.html", findings: []),
        .init(
          path: "risky.html",
          findings: [
            finding(error, file: "risky.html", line: 1), finding(warning, file: "risky.html", line: 2),
            finding(warning, file: "risky.html", line: 3), finding(info, file: "risky.html", line: 4),
            finding(protection, file: "risky.html", line: 5),
          ]),
        .init(path: "fair.html", findings: [finding(protection, file: "fair.html", line: 1)]),
      ], rules: rules)
  }()

  static func intAttribute(_ element: XMLElement?, _ name: String) -> Int? {
    element?.attribute(forName: name)?.stringValue.flatMap { Int($0) }
  }

  @Test(
    "JUnit: every tests and failures count is that of the cases written; cases honour --fail-on",
    arguments: [(Severity?.some(.warning), 5, 3), (.error, 5, 1), (.info, 6, 4), (nil, 5, 0)])
  func junitCounts(failOn: Severity?, cases: Int, failed: Int) throws {
    let xml = JUnitReporter(failOn: failOn).render(Self.mixed)
    let document = try XMLDocument(xmlString: xml, options: [])
    let root = try #require(document.rootElement())
    #expect(root.name == "testsuites")
    let testcases = try document.nodes(forXPath: "//testcase")
    let failures = try document.nodes(forXPath: "//failure")
    #expect(testcases.count == cases)
    #expect(failures.count == failed)
    #expect(Self.intAttribute(root, "tests") == testcases.count)
    #expect(Self.intAttribute(root, "failures") == failures.count)
    for suite in root.elements(forName: "testsuite") {
      #expect(Self.intAttribute(suite, "tests") == suite.elements(forName: "testcase").count)
      #expect(
        Self.intAttribute(suite, "failures")
          == suite.elements(forName: "testcase").filter { !$0.elements(forName: "failure").isEmpty }.count)
    }
    // Protections are never test cases: the fair form passes with one case.
    let fair = try #require(
      root.elements(forName: "testsuite").first { $0.attribute(forName: "name")?.stringValue == "fair.html" })
    #expect(fair.elements(forName: "testcase").map { $0.attribute(forName: "name")?.stringValue } == ["no risky terms"])
  }

  @Test("JUnit: a finding below --fail-on is a passing case that still says what it found")
  func junitBelowThreshold() throws {
    let xml = JUnitReporter(failOn: .error).render(Self.mixed)
    let document = try XMLDocument(xmlString: xml, options: [])
    let warning = Self.rule(severity: .warning)
    let cases = try document.nodes(forXPath: "//testcase[starts-with(@name, '\(warning.id) at ')]").compactMap {
      $0 as? XMLElement
    }
    #expect(cases.count == 2)
    #expect(cases.allSatisfy { $0.elements(forName: "failure").isEmpty })
    #expect(cases.first?.elements(forName: "system-out").first?.stringValue?.hasPrefix(warning.message) == true)
  }

  @Test("Checkstyle and JUnit: line breaks and tabs in an attribute are escaped and read back whole")
  func attributeLineBreaks() throws {
    let message = "First line\nsecond\tline\r\nthird & <last>"
    let f = Self.finding(Self.rule(severity: .error), file: "a\nb.txt", message: message)
    let report = Report(files: [.init(path: "a\nb.txt", findings: [f])], rules: Self.rules)
    let checkstyle = CheckstyleReporter().render(report)
    #expect(checkstyle.contains("message=\"First line&#10;second&#9;line&#13;&#10;third &amp; &lt;last&gt;\""))
    let document = try XMLDocument(xmlString: checkstyle, options: [])
    let error = try #require(try document.nodes(forXPath: "//error").first as? XMLElement)
    #expect(error.attribute(forName: "message")?.stringValue == message)
    let file = try #require(try document.nodes(forXPath: "//file").first as? XMLElement)
    #expect(file.attribute(forName: "name")?.stringValue == "a\nb.txt")
    let junit = try XMLDocument(xmlString: JUnitReporter().render(report), options: [])
    let failure = try #require(try junit.nodes(forXPath: "//failure").first as? XMLElement)
    #expect(failure.attribute(forName: "message")?.stringValue == message)
  }

  // MARK: GitLab Code Quality

  @Test(
    "GitLab Code Quality: passes the schema of GitLab's documented fields, one unique fingerprint per issue, no protections",
    .enabled(if: JSONSchemaValidator.available, "needs python3 with jsonschema"))
  func codeQuality() throws {
    var report = Self.report(findings: 300, files: 3)
    // The same rule twice in one clause is two issues: two fingerprints.
    report.files[0].findings.append(report.files[0].findings[0])
    report.files[0].path = "./" + report.files[0].path
    report.files[0].findings = report.files[0].findings.map {
      var f = $0
      f.file = "./" + f.file
      return f
    }
    let text = CodeQualityReporter().render(report)
    let issues = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    let risks = report.findings.filter { !$0.isProtection }
    #expect(issues.count == risks.count)
    #expect(Set(issues.compactMap { $0["fingerprint"] as? String }).count == issues.count)
    #expect(Set(issues.compactMap { $0["severity"] as? String }) == ["critical", "major", "minor"])
    #expect(!issues.contains { $0["check_name"] as? String == Self.protection.id })
    #expect(CodeQualityReporter().render(report) == text)
    let location = issues[0]["location"] as? [String: Any]
    #expect(location?["path"] as? String == "terms/0.html")
    #expect((location?["lines"] as? [String: Any])?["begin"] as? Int == 1)
    // Validated by Python's jsonschema against docs/schemas/gitlab-codequality.schema.json.
    let problems = try JSONSchemaValidator.problems([.init(schema: "gitlab-codequality.schema.json", text: text)])
    #expect(problems.isEmpty, "\(problems)")
  }

  // MARK: Colour

  @Test("--color auto: a terminal, and NO_COLOR honoured only when not empty (no-color.org); always and never are that")
  func colorChoice() {
    #expect(ColorChoice.auto.enabled(isTerminal: true, environment: [:]))
    #expect(ColorChoice.auto.enabled(isTerminal: true, environment: ["NO_COLOR": ""]))
    #expect(!ColorChoice.auto.enabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
    #expect(!ColorChoice.auto.enabled(isTerminal: true, environment: ["TERM": "dumb"]))
    #expect(!ColorChoice.auto.enabled(isTerminal: false, environment: [:]))
    #expect(ColorChoice.always.enabled(isTerminal: false, environment: ["NO_COLOR": "1"]))
    #expect(!ColorChoice.never.enabled(isTerminal: true, environment: [:]))
  }
}
