import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import Testing
@testable import FinePrintKit

/// Each output format, end to end on the Samples.
@Suite("Output formats", .enabled(if: CLIRunner.executable != nil, "needs the built fineprint binary"))
struct OutputFormatTests {
  static let sample = "Samples/voice-marketplace.html"

  @Test(
    "SARIF passes the official 2.1.0 schema and GitHub's extra checks",
    .enabled(
      if: FileManager.default.fileExists(
        atPath: TestSupport.corpus.deletingLastPathComponent().appendingPathComponent("eval/validate_sarif.py").path)))
  func sarifValidates() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("findings.sarif").path
    let lint = try CLIRunner.run(["lint", "--format", "sarif", "--output", file, "--fail-on", "never", Self.sample])
    #expect(lint.status == 0, "\(lint.stderr)")
    let validator = Process()
    validator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    validator.arguments = [
      "python3", TestSupport.corpus.deletingLastPathComponent().appendingPathComponent("eval/validate_sarif.py").path, file,
    ]
    let out = Pipe()
    validator.standardOutput = out
    try validator.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    validator.waitUntilExit()
    #expect(validator.terminationStatus == 0, "\(text)")
    let sarif = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
    let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count > 10)
    #expect(results.allSatisfy { ($0["partialFingerprints"] as? [String: String])?["fineprintClause/v1"]?.count == 16 })
  }

  @Test("Fingerprints survive reflowed text and moved lines")
  func fingerprintsAreStable() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.txt")
    let b = dir.appendingPathComponent("b.txt")
    try "We may sell your voice recordings to data brokers.".write(to: a, atomically: true, encoding: .utf8)
    try "Intro.\n\n\nWe may sell your voice\nrecordings to   data brokers.".write(to: b, atomically: true, encoding: .utf8)
    func fingerprints(_ url: URL) throws -> Set<String> {
      let result = try CLIRunner.run(["lint", "--format", "sarif", "--fail-on", "never", url.path])
      let sarif = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
      let results = ((sarif?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
      return Set(results.compactMap { ($0["partialFingerprints"] as? [String: String])?["fineprintClause/v1"] })
    }
    let first = try fingerprints(a)
    #expect(!first.isEmpty)
    #expect(first.isSubset(of: try fingerprints(b)))
  }

  @Test("GitHub annotations: escaped, most severe first, at most 10 of a kind, the rest counted")
  func github() throws {
    let result = try CLIRunner.run(["lint", "--format", "github", "--fail-on", "never", "Samples/"])
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let kinds = lines.compactMap { $0.split(separator: " ").first.map(String.init) }
    #expect(kinds.filter { $0 == "::error" }.count == 10)
    #expect(kinds.firstIndex(of: "::warning") ?? 0 > kinds.lastIndex(of: "::error") ?? 0)
    #expect(lines.last?.hasPrefix("::notice title=FinePrint::") == true && lines.last?.contains("more findings") == true)
    #expect(lines.allSatisfy { !$0.contains("\r") })
    #expect(lines.first?.contains(",line=") == true && lines.first?.contains(",endColumn=") == true)
    #expect(GitHubReporter.property("a:b,c%\nd") == "a%3Ab%2Cc%25%0Ad")
  }

  @Test("The job summary gets every finding when GITHUB_STEP_SUMMARY is set")
  func stepSummary() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let summary = dir.appendingPathComponent("summary.md")
    FileManager.default.createFile(atPath: summary.path, contents: nil)
    setenv("GITHUB_STEP_SUMMARY", summary.path, 1)
    defer { unsetenv("GITHUB_STEP_SUMMARY") }
    _ = try CLIRunner.run(["lint", "--format", "github", "--fail-on", "never", Self.sample])
    let text = try String(contentsOf: summary, encoding: .utf8)
    #expect(text.hasPrefix("### FinePrint:"))
    #expect(text.components(separatedBy: "\n| ").count > 20)
  }

  @Test("Several formats in one run: the n-th --output gets the n-th format")
  func severalFormats() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let junit = dir.appendingPathComponent("junit.xml").path
    let result = try CLIRunner.run([
      "lint", "--format", "junit", "--output", junit, "--format", "jsonl", "--fail-on", "never", Self.sample,
    ])
    #expect(result.status == 0)
    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(xml.hasPrefix("<?xml") && xml.contains("<testsuite name=\"Samples/voice-marketplace.html\""))
    // Under --fail-on never the risks are test cases that pass.
    #expect(xml.contains("<testcase classname=\"Samples/voice-marketplace.html\" name=\"") && !xml.contains("<failure"))
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count > 10)
    #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) is [String: Any] })
    // XML parses.
    #expect(try XMLDocument(xmlString: xml, options: []).rootElement()?.name == "testsuites")
  }

  @Test("Checkstyle and Markdown", arguments: ["checkstyle", "markdown"])
  func otherFormats(format: String) throws {
    let result = try CLIRunner.run(["lint", "--format", format, "--fail-on", "never", Self.sample])
    #expect(result.status == 0)
    if format == "checkstyle" {
      let doc = try XMLDocument(xmlString: result.stdout, options: [])
      #expect(doc.rootElement()?.name == "checkstyle")
      #expect((try doc.nodes(forXPath: "//error")).count > 10)
    } else {
      #expect(result.stdout.contains("| | Where | Rule | What it means | Words |"))
    }
  }

  @Test("An unknown format is a usage error with exit 2 that lists the formats")
  func unknownFormat() throws {
    let result = try CLIRunner.run(["lint", "--format", "xml", Self.sample])
    #expect(result.status == 2)
    #expect(result.stderr.contains("unknown format 'xml'; use one of: text, json, jsonl, sarif"))
  }
}
