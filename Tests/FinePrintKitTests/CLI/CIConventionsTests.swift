import Foundation
import Testing
@testable import FinePrintKit

/// What a team putting FinePrint in CI relies on from the command line itself: the version,
/// and mistakes in configuration or suppressions that are said, never silently ignored.
@Suite("CI conventions, end to end", .enabled(if: CLIRunner.executable != nil, "needs the built fineprint binary"))
struct CIConventionsTests {
  @Test("fineprint --version prints the version and exits 0")
  func version() throws {
    let result = try CLIRunner.run(["--version"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == FinePrintVersion.current + "\n")
  }

  @Test("--fail-on info exits 0 on a fair form whose only findings are protections")
  func protectionsDoNotFail() throws {
    let result = try CLIRunner.run(["lint", "--fail-on", "info", "--format", "sarif", "Samples/fair-consent.html"])
    #expect(result.status == 0, "\(result.stderr)")
    let sarif = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let run = (sarif?["runs"] as? [[String: Any]])?.first
    #expect((run?["results"] as? [Any])?.isEmpty == true)
    #expect(((run?["properties"] as? [String: Any])?["protectionsNotReported"] as? Int ?? 0) > 3)
  }

  @Test("--min-severity reports only findings at or above it; --max-warnings fails past its count; --disable drops a rule")
  func severityWarningsAndDisable() throws {
    let form = "Samples/fitness-consent.txt"
    let errors = try CLIRunner.run(["lint", "--min-severity", "error", "--format", "json", form])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(errors.stdout.utf8)) as? [String: Any])
    let severities = ((json["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]] ?? []).compactMap {
      $0["severity"] as? String
    }
    #expect(!severities.isEmpty && Set(severities) == ["error"])
    // The form has nine warnings: more than 3 fails even with --fail-on never; 30 does not.
    #expect(try CLIRunner.run(["lint", "--fail-on", "never", "--max-warnings", "3", form]).status == 1)
    #expect(try CLIRunner.run(["lint", "--fail-on", "never", "--max-warnings", "30", form]).status == 0)
    let disabled = try CLIRunner.run(["lint", "--disable", "binding-arbitration", "--disable", "waived-litigation", form])
    #expect(!disabled.stdout.contains("[binding-arbitration]") && !disabled.stdout.contains("[jury-trial-waiver]"))
    #expect(disabled.stdout.contains("[consent-by-use]"))
    let typo = try CLIRunner.run(["lint", "--disable", "binding-arbitraton", form])
    #expect(typo.status == 2)
    #expect(typo.stderr.contains("did you mean 'binding-arbitration'"))
  }

  @Test("fineprint init writes a starter .fineprint.yml once; again is exit 2 unless --force")
  func initWritesStarter() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let first = try CLIRunner.run(["init", dir.path])
    #expect(first.status == 0, "\(first.stderr)")
    let written = try String(contentsOf: dir.appendingPathComponent(Configuration.fileName), encoding: .utf8)
    #expect(written == StarterConfiguration.text)
    let again = try CLIRunner.run(["init", dir.path])
    #expect(again.status == 2 && again.stderr.contains("already there"))
    #expect(try CLIRunner.run(["init", "--force", dir.path]).status == 0)
  }

  @Test("--stdin-filename: standard input is reported, read and configured as that file")
  func stdinFilename() throws {
    let dir = try Self.project("version: 1\ndisable: [waived-litigation]\nignore: [\"*.draft.md\"]\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = "<!-- fineprint-disable-next-line sell-personal-data: reviewed -->\nWe may sell your data.\n\n" + Self.arbitration
    let named = dir.appendingPathComponent("terms.md").path
    let result = try CLIRunner.run(["lint", "--stdin-filename", named, "--format", "jsonl", "-"], stdin: text)
    let rules = result.stdoutLines.compactMap { line in
      (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]).flatMap { $0?["rule"] as? String }
    }
    #expect(!rules.isEmpty && !rules.contains("binding-arbitration") && !rules.contains("sell-personal-data"), "\(result.stdout)")
    #expect(result.stdout.contains("\"file\":\"\(named)\""))
    let ignored = try CLIRunner.run(
      ["lint", "--stdin-filename", dir.appendingPathComponent("new.draft.md").path, "-"], stdin: text)
    #expect(ignored.status == 2 && ignored.stderr.contains("ignore pattern"))
  }

  /// A folder with a configuration, for a test to remove.
  static func project(_ config: String) throws -> URL {
    let dir = try TestSupport.temporaryDirectory()
    try config.write(to: dir.appendingPathComponent(Configuration.fileName), atomically: true, encoding: .utf8)
    return dir
  }

  static let arbitration = "Any dispute will be resolved by binding arbitration.\n"

  @Test("A misspelt rule ID in .fineprint.yml stops lint with exit 2, naming file and line")
  func misspeltRule() throws {
    let dir = try Self.project("version: 1\ndisable: [plain-language, any-purpse]\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let config = dir.appendingPathComponent(Configuration.fileName).path
    let result = try CLIRunner.run(["lint", "--config", config, "-"], stdin: Self.arbitration)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "fineprint: error: \(config):2:27: 'any-purpse' in disable is neither a rule ID nor a category (did you mean 'any-purpose'?)\n"
    )
  }

  @Test(
    "A missing --config file is said as such, by every command that takes --config",
    arguments: [
      ["lint", "-"], ["summarize", "-"], ["explain", "binding-arbitration", "-"], ["classify", "-"],
      ["diff", "-", "Samples/fitness-consent.txt"],
      ["rules", "list"],
    ])
  func missingConfig(command: [String]) throws {
    let result = try CLIRunner.run(command + ["--config", "/nonexistent/fineprint.yml"], stdin: Self.arbitration)
    #expect(result.status == 2)
    #expect(result.stderr == "fineprint: error: /nonexistent/fineprint.yml: no such config file\n")
  }

  @Test("summarize, explain, classify and diff honour --config: a disabled rule is gone")
  func otherCommandsHonourConfig() throws {
    let dir = try Self.project("version: 1\ndisable: [binding-arbitration]\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let config = dir.appendingPathComponent(Configuration.fileName).path
    let explain = try CLIRunner.run(["explain", "binding-arbitration", "--config", config, "-"], stdin: Self.arbitration)
    #expect(explain.status == 2)
    #expect(explain.stderr == "fineprint: error: rule 'binding-arbitration' is disabled by \(config)\n")
    let classify = try CLIRunner.run(
      ["classify", "--config", config], stdin: "{\"id\": 1, \"text\": \"Any dispute will be resolved by binding arbitration.\"}\n"
    )
    #expect(classify.stdout == "{\"categories\":[],\"findings\":[],\"id\":\"1\"}\n", "\(classify.stderr)")
    let summary = try CLIRunner.run(["summarize", "--format", "json", "--config", config, "Samples/fitness-consent.txt"])
    #expect(summary.status == 0, "\(summary.stderr)")
    #expect(!summary.stdout.contains("\"binding-arbitration\""))
    let old = dir.appendingPathComponent("old.txt")
    try "We keep your data safe.\n".write(to: old, atomically: true, encoding: .utf8)
    let diff = try CLIRunner.run(["diff", "--config", config, old.path, "-"], stdin: Self.arbitration)
    #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
    #expect(!diff.stdout.contains("binding-arbitration"))
  }

  @Test("A file named explicitly but ignored by the configuration is said; linting nothing at all is exit 2")
  func ignoredFileNamed() throws {
    let dir = try Self.project("version: 1\nignore: [\"archive/**\"]\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let config = dir.appendingPathComponent(Configuration.fileName).path
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("archive"), withIntermediateDirectories: true)
    let ignored = dir.appendingPathComponent("archive/old.txt")
    try Self.arbitration.write(to: ignored, atomically: true, encoding: .utf8)
    let only = try CLIRunner.run(["lint", "--config", config, ignored.path])
    #expect(only.status == 2)
    #expect(!only.stdout.contains("No findings"))
    #expect(only.stderr.contains("fineprint: warning: \(ignored.path): not linted: it matches an ignore pattern of \(config)\n"))
    #expect(only.stderr.contains("fineprint: error: nothing to lint: every input matches an ignore pattern of \(config)\n"))
    let fair = dir.appendingPathComponent("fair.txt")
    try "You can withdraw your consent at any time.\n".write(to: fair, atomically: true, encoding: .utf8)
    let both = try CLIRunner.run(["lint", "--config", config, ignored.path, fair.path])
    #expect(both.status == 0, "\(both.stderr)")
    #expect(both.stderr.contains("\(ignored.path): not linted"))
    #expect(both.stdoutLines.last?.hasSuffix("in 1 file: 0 errors, 0 warnings, 1 info (1 of them protections).") == true)
  }

  @Test("--color always colours even into a pipe with NO_COLOR set; --quiet prints only the findings")
  func colorAndQuiet() throws {
    let jury = "You waive any right to a jury trial.\n"
    let colored = try CLIRunner.run(["lint", "--color", "always", "-"], stdin: jury)
    #expect(colored.stdout.contains("\u{1B}[1;31merror\u{1B}[0m"))
    let plain = try CLIRunner.run(["lint", "--color", "auto", "-"], stdin: jury)
    #expect(!plain.stdout.contains("\u{1B}["))
    // A suppression naming no rule is a warning; --quiet leaves it and the total out.
    let text = "fineprint-disable-next-line: reviewed\n\n" + jury
    let loud = try CLIRunner.run(["lint", "-"], stdin: text)
    #expect(loud.stderr.contains("warning"))
    let quiet = try CLIRunner.run(["lint", "--quiet", "-"], stdin: text)
    #expect(quiet.status == 1)
    #expect(quiet.stderr.isEmpty)
    #expect(quiet.stdoutLines == Array(loud.stdoutLines.dropLast()))
    #expect(quiet.stdoutLines.first?.hasPrefix("-:3:5: error:") == true)
  }

  @Test("Each file follows its nearest .fineprint.yml, whatever the order of the arguments")
  func configPerFile() throws {
    let dir = try Self.project("version: 1\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let eu = dir.appendingPathComponent("eu")
    try FileManager.default.createDirectory(at: eu, withIntermediateDirectories: true)
    try "version: 1\ndisable: [waived-litigation]\n".write(
      to: eu.appendingPathComponent(Configuration.fileName), atomically: true, encoding: .utf8)
    let top = dir.appendingPathComponent("a.txt").path
    let inner = eu.appendingPathComponent("b.txt").path
    for path in [top, inner] { try Self.arbitration.write(toFile: path, atomically: true, encoding: .utf8) }
    for arguments in [[top, inner], [inner, top], [dir.path]] {
      let result = try CLIRunner.run(["lint", "--format", "jsonl"] + arguments)
      #expect(result.status == 1, "\(result.stderr)")
      let files = result.stdoutLines.compactMap {
        (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["file"] as? String
      }
      #expect(files.count == 1 && files.first?.hasSuffix("a.txt") == true, "\(arguments): \(files)")
    }
    // --config is one configuration for every input.
    let fixed = try CLIRunner.run([
      "lint", "--format", "jsonl", "--config", dir.appendingPathComponent(Configuration.fileName).path, inner,
    ])
    #expect(fixed.stdoutLines.count == 1)
  }
}
