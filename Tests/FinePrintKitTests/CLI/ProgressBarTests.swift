import Foundation
import Testing
@testable import FinePrintKit

@Suite("Progress bar on standard error")
struct ProgressBarTests {
  @Test("The bar fills in proportion to the work done")
  func line() {
    #expect(
      ProgressBar.line(done: 0, total: 10, label: "documents") == "\r[" + String(repeating: ".", count: 30) + "] 0/10 documents")
    #expect(
      ProgressBar.line(done: 5, total: 10, label: "documents").hasPrefix("\r[" + String(repeating: "#", count: 15) + "...."))
    #expect(ProgressBar.line(done: 10, total: 10, label: "files").hasSuffix("#] 10/10 files"))
  }

  /// Many copies of a Sample: enough work for the bar to appear.
  func manyDocuments() throws -> URL {
    let dir = try TestSupport.temporaryDirectory()
    let text = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Samples/voice-marketplace.html"))
    for i in 0..<200 { try text.write(to: dir.appendingPathComponent("terms-\(i).html")) }
    return dir
  }

  @Test(
    "Drawn on a terminal, and never when standard error is piped",
    .enabled(
      if: CLIRunner.executable != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
      "needs the built fineprint and script(1) for a pseudo-terminal"))
  func terminalOnly() throws {
    let dir = try manyDocuments()
    defer { try? FileManager.default.removeItem(at: dir) }
    let binary = try #require(CLIRunner.executable).path
    let output = dir.appendingPathComponent("findings.json").path
    // script(1) gives the command a pseudo-terminal; CI is unset so that the bar may show.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "-u", "CI", "TERM=xterm", "/usr/bin/script", "-qec", "\(binary) lint --format json --output \(output) \(dir.path)",
      "/dev/null",
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let seen = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(seen.contains("/200 documents"))
    #expect(seen.contains("200/200 documents"))
    let piped = try CLIRunner.run(["lint", "--format", "json", "--output", output, dir.path])
    #expect(piped.status == 1)
    #expect(!piped.stderr.contains("documents"))
  }
}
