import Foundation
import Testing
@testable import FinePrintKit

/// `--max-size`, `--max-depth`, `--max-clause-bytes`, `--timeout` and `limits:` in
/// `.fineprint.yml`, end to end: a document past a limit is an error naming it, and the other
/// documents are still linted and reported.
@Suite("Limits on the command line and in .fineprint.yml")
struct LimitsCommandTests {
  private static let fitness = "Samples/fitness-consent.txt"

  private func run(_ arguments: [String]) throws -> CLIRunner.Result {
    try #require(CLIRunner.executable != nil, "build the fineprint product first (swift build)")
    return try CLIRunner.run(arguments)
  }

  /// A folder with `files`, removed by the caller.
  private func folder(_ files: [String: String]) throws -> URL {
    let directory = try TestSupport.temporaryDirectory()
    for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    return directory
  }

  private static func nested(_ depth: Int) -> String {
    "<html><body>" + String(repeating: "<div>", count: depth) + "<p>Any dispute will be resolved by binding arbitration.</p>"
      + String(repeating: "</div>", count: depth) + "</body></html>"
  }

  @Test("A page nested past the limit is an error naming it; the other files are linted and reported (exit 2)")
  func deepAmongOthers() throws {
    let dir = try folder(["deep.html": Self.nested(300)])
    defer { try? FileManager.default.removeItem(at: dir) }
    let deep = dir.appendingPathComponent("deep.html").path
    let result = try run(["lint", "--no-config", "--format", "jsonl", deep, Self.fitness])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains(
        "fineprint: error: \(deep):1: elements nested more than 256 deep (raise it with --max-depth, or max_depth under limits in .fineprint.yml)\n"
      ))
    #expect(result.stdoutLines.contains { $0.contains("\"rule\":\"binding-arbitration\"") && $0.contains(Self.fitness) })
    let raised = try run(["lint", "--no-config", "--format", "jsonl", "--max-depth", "400", deep])
    #expect(raised.status == 1)
    #expect(raised.stdoutLines.contains { $0.contains("\"rule\":\"binding-arbitration\"") })
  }

  @Test("limits: in the nearest .fineprint.yml applies to the documents under it; an option wins over it")
  func configuredLimits() throws {
    let dir = try folder([
      ".fineprint.yml": "version: 1\nlimits: {max_depth: 10, max_clause_bytes: 100}\n",
      "page.html": Self.nested(20),
      "long.txt": "We may sell your data to brokers and " + String(repeating: "partners and ", count: 20) + "advertisers.\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let page = dir.appendingPathComponent("page.html").path
    let long = dir.appendingPathComponent("long.txt").path
    let result = try run(["lint", page, long])
    #expect(result.status == 2)
    #expect(result.stderr.contains("\(page):1: elements nested more than 10 deep"))
    #expect(
      result.stderr.contains("fineprint: warning: \(long):1:1: a clause of 309 bytes was cut into 4 pieces of at most 100 bytes"))
    #expect(result.stdout.contains("[sell-personal-data]"))
    let overridden = try run(["lint", "--max-depth", "30", "--max-clause-bytes", "1000", page, long])
    #expect(overridden.status == 1)
    #expect(!overridden.stderr.contains("error") && !overridden.stderr.contains("was cut"))
    // clauses reads the same configuration.
    let clauses = try run(["clauses", long])
    #expect(clauses.stdoutLines.count == 4)
  }

  @Test("A document past its time budget is an error naming it and where it stopped; the others are reported")
  func timeout() throws {
    // One sentence of 3 MB in pieces of 1 MB: matching one such piece takes seconds.
    let words = (0..<520_000).map { ["we", "may", "sell", "your", "data", "to", "brokers"][$0 % 7] }.joined(separator: " ")
    let dir = try folder(["slow.txt": words + ".\n"])
    defer { try? FileManager.default.removeItem(at: dir) }
    let slow = dir.appendingPathComponent("slow.txt").path
    let start = ContinuousClock.now
    let result = try run(["lint", "-q", "--no-config", "--timeout", "1", "--max-clause-bytes", "1048576", slow, Self.fitness])
    #expect(result.status == 2)
    #expect(result.stderr.contains("fineprint: error: \(slow):1: took more than 1 second; stopped at the clause on this line"))
    #expect(result.stdout.contains("\(Self.fitness):50:25: error:"))
    #expect(ContinuousClock.now - start < .seconds(60))
  }

  @Test(
    "A limit out of range is a usage error (exit 2), not a crash",
    arguments: [
      (["--timeout", "0"], "--timeout must be a number of seconds from 1 to 86400, not 0"),
      (["--max-depth", "5000"], "--max-depth must be a number of nested elements from 1 to 2048, not 5000"),
      (["--max-clause-bytes", "10"], "--max-clause-bytes must be a number of bytes from 100 to 1048576, not 10"),
      (["--max-size", "0"], "--max-size must be a number of megabytes from 1 to 2047, not 0"),
    ])
  func outOfRange(arguments: [String], message: String) throws {
    let result = try run(["lint"] + arguments + [Self.fitness])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("Error: \(message)\n"))
  }
}
