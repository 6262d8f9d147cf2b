import Foundation
@testable import FinePrintKit

/// Runs the built `fineprint` binary, as a user would.
struct CLIRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
  }

  /// The `fineprint` binary beside the test bundle (both live in the build's products folder).
  static var executable: URL? {
    var candidates: [URL] = []
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
      candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("fineprint"))
    }
    // On Linux the test bundle is itself the running executable: its folder holds `fineprint`,
    // whatever the build folder (`--scratch-path`, a sanitizer build).
    candidates.append(
      URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("fineprint"))
    candidates.append(TestSupport.packageRoot.appendingPathComponent(".build/debug/fineprint"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// Runs `fineprint` in the package root with `arguments`, feeding `stdin` to it. Output goes
  /// through files, not pipes, so a command that writes much to both streams cannot stall.
  static func run(_ arguments: [String], stdin: String? = nil, timeout: Double = 300) throws -> Result {
    guard let executable else { throw CocoaError(.fileNoSuchFile) }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let paths = ["in", "out", "err"].map { scratch.appendingPathComponent($0) }
    try Data((stdin ?? "").utf8).write(to: paths[0])
    for path in paths.dropFirst() { try Data().write(to: path) }
    let input = try FileHandle(forReadingFrom: paths[0])
    let output = try FileHandle(forWritingTo: paths[1])
    let errors = try FileHandle(forWritingTo: paths[2])
    defer { [input, output, errors].forEach { try? $0.close() } }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = TestSupport.packageRoot
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["FINEPRINT_CACHE"] = TestSupport.ruleCache
    process.environment = environment
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()
    // A hang is a failure, not a stalled test run: kill it and report it.
    if exited.wait(timeout: .now() + timeout) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      exited.wait()
      return Result(status: -1, stdout: "", stderr: "timed out after \(Int(timeout)) s")
    }
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: paths[1]), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: paths[2]), as: UTF8.self))
  }
}
