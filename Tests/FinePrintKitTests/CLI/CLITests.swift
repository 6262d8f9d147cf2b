import Foundation
import Testing
@testable import FinePrintKit

@Suite("fineprint command line, end to end")
struct CLITests {
  private func run(_ arguments: [String], stdin: String = "") throws -> CLIRunner.Result {
    try #require(CLIRunner.executable != nil, "build the fineprint product first (swift build)")
    return try CLIRunner.run(arguments, stdin: stdin)
  }

  private func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
  }

  private static let fitness = "Samples/fitness-consent.txt"

  @Test("clauses prints the clauses of a plain-text sample, each at its place in the file")
  func clausesText() throws {
    let result = try run(["clauses", Self.fitness])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let lines = result.stdoutLines
    #expect(lines.count > 25)
    #expect(lines.first?.hasPrefix(Self.fitness + ":1:1: ") == true)
    #expect(lines.first?.contains("STRIDEWELL HEALTH DATA CONSENT") == true)
    #expect(lines.allSatisfy { $0.hasPrefix(Self.fitness + ":") })
    #expect(lines.contains { $0.contains("the event giving rise to it.") })
  }

  @Test("clauses --format jsonl prints one JSON object per clause, with positions that point at its text")
  func clausesJSONL() throws {
    let result = try run(["clauses", "--format", "jsonl", Self.fitness])
    #expect(result.status == 0)
    let sourceLines = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent(Self.fitness), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    let lines = result.stdoutLines
    #expect(lines.count > 25)
    for line in lines {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      #expect(Set(object.keys) == ["file", "text", "kind", "headings", "line", "column", "endLine", "endColumn"])
      #expect(object["headings"] is [String])
      let record = try JSONDecoder().decode(ClauseRecord.self, from: Data(line.utf8))
      #expect(record.file == Self.fitness)
      #expect(["heading", "list-item", "sentence", "sub-clause"].contains(record.kind))
      // The first character of the text stands at (line, column), the last just before (endLine, endColumn).
      let text = Array(record.text.unicodeScalars)
      let first = try #require(text.first)
      let last = try #require(text.last)
      let startLine = try #require(sourceLines[safe: record.line - 1])
      let endLine = try #require(sourceLines[safe: record.endLine - 1])
      #expect(startLine[safe: record.column - 1] == first, "\(line)")
      #expect(endLine[safe: record.endColumn - 2] == last, "\(line)")
    }
    let barred = try #require(lines.first { $0.contains("the event giving rise to it") })
    let record = try JSONDecoder().decode(ClauseRecord.self, from: Data(barred.utf8))
    let barredLine = try #require(
      sourceLines.firstIndex { String(String.UnicodeScalarView($0)).contains("the event giving rise to it") })
    #expect(record.endLine == barredLine + 1)
  }

  @Test("A folder of HTML and XML pages read on several threads at once never hangs in libxml2")
  func parallelMarkupNeverHangs() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-parallel-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let root = TestSupport.packageRoot.appendingPathComponent("Samples")
    for sample in ["voice-marketplace.html", "fair-consent.html", "biometric-licence.xml"] {
      let data = try Data(contentsOf: root.appendingPathComponent(sample))
      for copy in 0..<12 { try data.write(to: folder.appendingPathComponent("\(copy)-\(sample)")) }
    }
    // libxml2 initialised lazily deadlocked now and then when two first parses met: run a
    // fresh process several times.
    for _ in 0..<5 {
      let result = try CLIRunner.run(["lint", "--format", "json", folder.path], timeout: 60)
      #expect(result.status == 1, "\(result.stderr)")
    }
  }

  @Test("The closing count is good English: 1 finding, 1 error, 0 warnings")
  func singularCounts() throws {
    let result = try run(["lint", "-"], stdin: "You waive any right to a jury trial.")
    #expect(result.stdoutLines.last == "1 finding in 1 file: 1 error, 0 warnings, 0 info.")
  }

  @Test("A missing file: exit status 2 and one line on standard error naming it")
  func missingFile() throws {
    let result = try run(["lint", "missing.txt"])
    #expect(result.status == 2)
    #expect(result.stderr == "fineprint: error: missing.txt: no such file or directory\n")
  }

  @Test("A missing file does not stop the others from being read")
  func missingFileAmongOthers() throws {
    let result = try run(["clauses", "missing.txt", Self.fitness])
    #expect(result.status == 2)
    #expect(result.stderr == "fineprint: error: missing.txt: no such file or directory\n")
    #expect(result.stdoutLines.first?.hasPrefix(Self.fitness + ":1:1: ") == true)
  }

  @Test("An empty file: exit status 2, naming it")
  func emptyFile() throws {
    let file = try temporaryFile("empty.txt", [])
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let result = try run(["lint", file.path])
    #expect(result.status == 2)
    #expect(result.stderr == "fineprint: error: \(file.path): file is empty: there is nothing to check\n")
  }

  @Test("A binary file: exit status 2, naming it")
  func binaryFile() throws {
    let file = try temporaryFile("photo.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let result = try run(["lint", file.path])
    #expect(result.status == 2)
    #expect(result.stderr == "fineprint: error: \(file.path): not a text document (it is a PNG image)\n")
  }

  @Test("An .xml file that is HTML, not XML: read as HTML with a warning on standard error naming file and line")
  func htmlSavedAsXML() throws {
    let file = try temporaryFile(
      "terms.xml", Array("<div>\n<p>Disputes go to binding arbitration.<br>Really.</p>\n</div>\n".utf8))
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let result = try run(["lint", "--format", "jsonl", file.path])
    #expect(result.stderr.hasPrefix("fineprint: warning: \(file.path):4:1: not well-formed XML ("))
    #expect(result.stderr.hasSuffix("); read as HTML, which it looks like\n"))
    #expect(result.stdout.contains("\"binding-arbitration\""))
  }

  @Test("- reads standard input")
  func standardInput() throws {
    let result = try run(["clauses", "--format", "jsonl", "-"], stdin: "Heading\n\nWe sell data. You agree.\n")
    #expect(result.status == 0)
    let records = try result.stdoutLines.map { try JSONDecoder().decode(ClauseRecord.self, from: Data($0.utf8)) }
    #expect(records.map(\.file) == Array(repeating: "-", count: records.count))
    #expect(records.first?.text == "Heading")
    let sell = try #require(records.first { $0.text.contains("sell") })
    #expect(sell.line == 3)
    #expect(sell.column == 1)
  }

  @Test("Empty standard input: exit status 2, naming -")
  func emptyStandardInput() throws {
    let result = try run(["lint", "-"], stdin: "")
    #expect(result.status == 2)
    #expect(result.stderr == "fineprint: error: -: file is empty: there is nothing to check\n")
  }
}

extension Array {
  fileprivate subscript(safe index: Int) -> Element? {
    indices.contains(index) ? self[index] : nil
  }
}
