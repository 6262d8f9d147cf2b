import Foundation
import Testing
import Yams
@testable import FinePrintKit

/// The GitHub Action (`action.yml`) and the script it installs FinePrint with: a composite action
/// whose every input is used and documented, whose scripts exist, and whose download is refused
/// when it does not match its checksum. GitHub itself cannot be run here; this is what can be.
@Suite("GitHub Action")
struct GitHubActionTests {
  private static let root = TestSupport.packageRoot

  private func action() throws -> [String: Any] {
    let text = try String(contentsOf: Self.root.appendingPathComponent("action.yml"), encoding: .utf8)
    return try #require(try Yams.load(yaml: text) as? [String: Any])
  }

  /// Every `${{ inputs.NAME }}` the steps refer to.
  private func referencedInputs(_ steps: [[String: Any]]) throws -> Set<String> {
    let text = String(decoding: try JSONSerialization.data(withJSONObject: steps), as: UTF8.self)
    let pattern = try NSRegularExpression(pattern: #"inputs\.([A-Za-z0-9_-]+)"#)
    return Set(
      pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
        Range($0.range(at: 1), in: text).map { String(text[$0]) }
      })
  }

  @Test("action.yml is a composite action: name, description, and every input documented and used")
  func structure() throws {
    let action = try action()
    #expect((action["name"] as? String)?.isEmpty == false)
    #expect((action["description"] as? String)?.isEmpty == false)
    let runs = try #require(action["runs"] as? [String: Any])
    #expect(runs["using"] as? String == "composite")
    let steps = try #require(runs["steps"] as? [[String: Any]])
    for step in steps where step["run"] != nil {
      #expect(step["shell"] as? String == "bash", "a composite run step needs a shell: \(step["name"] ?? "?")")
    }
    let inputs = try #require(action["inputs"] as? [String: [String: Any]])
    for (name, input) in inputs {
      #expect((input["description"] as? String)?.isEmpty == false, "\(name) has no description")
      #expect(input["default"] != nil, "\(name) has no default")
    }
    #expect(try referencedInputs(steps) == Set(inputs.keys))
    for name in ["paths", "format", "fail-on", "baseline", "config", "sarif", "version"] {
      #expect(inputs[name] != nil, "no input \(name)")
    }
  }

  @Test("The action's defaults are values fineprint lint takes")
  func defaults() throws {
    let inputs = try #require(try action()["inputs"] as? [String: [String: Any]])
    #expect(Reporters.identifiers.contains(try #require(inputs["format"]?["default"] as? String)))
    let baseline = try #require(inputs["baseline"]?["default"] as? String)
    #expect(baseline == ".fineprint-baseline.json")
  }

  @Test("The scripts the action runs exist and are executable")
  func scripts() throws {
    let steps = try #require((try action()["runs"] as? [String: Any])?["steps"] as? [[String: Any]])
    let runs = steps.compactMap { $0["run"] as? String }.joined(separator: "\n")
    let pattern = try NSRegularExpression(pattern: #"\$GITHUB_ACTION_PATH/([^"\s]+)"#)
    let scripts = pattern.matches(in: runs, range: NSRange(runs.startIndex..., in: runs)).compactMap {
      Range($0.range(at: 1), in: runs).map { String(runs[$0]) }
    }
    #expect(!scripts.isEmpty)
    for script in scripts {
      #expect(FileManager.default.isExecutableFile(atPath: Self.root.appendingPathComponent(script).path), "\(script)")
    }
  }

  @Test("The README's workflow uses the action with inputs it has")
  func readmeWorkflow() throws {
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    let inputs = try #require(try action()["inputs"] as? [String: Any])
    let blocks = readme.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
    let workflows = blocks.filter { $0.hasPrefix("# .github/workflows/") }
    #expect(!workflows.isEmpty)
    var uses = 0
    for workflow in workflows {
      let parsed = try #require(try Yams.load(yaml: workflow) as? [String: Any])
      let jobs = try #require(parsed["jobs"] as? [String: [String: Any]])
      for job in jobs.values {
        for step in job["steps"] as? [[String: Any]] ?? [] {
          guard let action = step["uses"] as? String, action.hasPrefix("fineprint/fineprint@") else { continue }
          uses += 1
          for key in (step["with"] as? [String: Any] ?? [:]).keys { #expect(inputs[key] != nil, "unknown input \(key)") }
        }
      }
    }
    #expect(uses > 0)
  }

  // MARK: - The install script

  /// A release folder holding a stand-in `fineprint` (a shell script printing `version`), packed
  /// and named as `.ci/release` packs the real one, with its checksum file.
  private func fakeRelease(version: String = FinePrintVersion.current, in folder: URL) throws -> String {
    let name = "fineprint-\(version)-linux-\(try machine())"
    let binary = folder.appendingPathComponent("pack/\(name)/fineprint")
    try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
    try "#!/bin/sh\necho \(version)\n".write(to: binary, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.path)
    let release = folder.appendingPathComponent("release")
    try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
    let script =
      "tar -czf '\(release.path)/\(name).tar.gz' -C '\(folder.path)/pack' '\(name)' && cd '\(release.path)' && sha256sum '\(name).tar.gz' > '\(name).tar.gz.sha256'"
    #expect(try shell(script).status == 0)
    return name
  }

  private func machine() throws -> String {
    try shell("uname -m").output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private func shell(_ command: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-action-\(UUID().uuidString).log")
    FileManager.default.createFile(atPath: output.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: output) }
    let handle = try FileHandle(forWritingTo: output)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    process.waitUntilExit()
    try handle.close()
    return (process.terminationStatus, try String(contentsOf: output, encoding: .utf8))
  }

  private func install(_ release: URL, into bin: URL, version: String = "", sha256: String = "") throws -> (
    status: Int32, output: String
  ) {
    let script = Self.root.appendingPathComponent(".ci/install-fineprint").path
    return try shell(
      "'\(script)' '\(version)' '\(bin.path)'",
      environment: [
        "FINEPRINT_RELEASE_URL": release.absoluteString, "FINEPRINT_SHA256": sha256,
      ])
  }

  private static var onLinux: Bool {
    #if os(Linux)
      true
    #else
      false
    #endif
  }

  @Test("The release binary is installed when its SHA-256 matches", .enabled(if: onLinux))
  func installsVerifiedRelease() throws {
    let folder = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try fakeRelease(in: folder)
    let bin = folder.appendingPathComponent("bin")
    let result = try install(folder.appendingPathComponent("release"), into: bin, version: "v" + FinePrintVersion.current)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("SHA-256"))
    #expect(FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("fineprint").path))
  }

  @Test("A download that does not match its checksum is refused, not replaced by a build", .enabled(if: onLinux))
  func refusesMismatchedChecksum() throws {
    let folder = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let name = try fakeRelease(in: folder)
    let bin = folder.appendingPathComponent("bin")
    // Published checksum altered.
    let sums = folder.appendingPathComponent("release/\(name).tar.gz.sha256")
    let published = try String(contentsOf: sums, encoding: .utf8)
    try (String(repeating: "0", count: 64) + published.dropFirst(64)).write(to: sums, atomically: true, encoding: .utf8)
    let altered = try install(folder.appendingPathComponent("release"), into: bin)
    #expect(altered.status == 1)
    #expect(altered.output.contains("::error::\(name).tar.gz has SHA-256 "))
    #expect(!altered.output.contains("Building"))
    #expect(!FileManager.default.fileExists(atPath: bin.appendingPathComponent("fineprint").path))
    // A pinned checksum that differs, though the published one now matches.
    try published.write(to: sums, atomically: true, encoding: .utf8)
    let pinned = try install(folder.appendingPathComponent("release"), into: bin, sha256: String(repeating: "a", count: 64))
    #expect(pinned.status == 1)
    #expect(pinned.output.contains("not " + String(repeating: "a", count: 64)))
  }

  @Test("A version with no release and no source to build is an error naming both", .enabled(if: onLinux))
  func unknownVersion() throws {
    let folder = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let release = folder.appendingPathComponent("release")
    try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
    let result = try install(release, into: folder.appendingPathComponent("bin"), version: "v99.0.0")
    #expect(result.status == 1)
    #expect(
      result.output.contains("no release binary of FinePrint 99.0.0, and the action's source is \(FinePrintVersion.current)"))
  }
}
