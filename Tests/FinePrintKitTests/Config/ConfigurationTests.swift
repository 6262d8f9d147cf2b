import Foundation
import Testing
@testable import FinePrintKit

@Suite("Configuration (.fineprint.yml)")
struct ConfigurationTests {
  func write(_ text: String, in dir: URL) throws -> String {
    let path = dir.appendingPathComponent(Configuration.fileName).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test("Rules and categories are disabled, severities changed, thresholds set")
  func apply() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = try write(
      """
      version: 1
      disable: [plain-language, any-purpose]
      severity: {waived-litigation: info, sell-personal-data: warning}
      readability: {reading_ease_below: 35, sentence_words_above: 40}
      """, in: dir)
    let config = try Configuration.load(path: path)
    let rules = config.apply(to: try RuleSet.bundled())
    #expect(rules.rule("any-purpose") == nil)
    #expect(rules.rules.filter { $0.category == "plain-language" }.isEmpty)
    #expect(rules.rule("binding-arbitration")?.severity == .info)
    #expect(rules.rule("sell-personal-data")?.severity == .warning)
    var keep = config
    keep.disabled = []
    let tuned = keep.apply(to: try RuleSet.bundled())
    #expect(tuned.rule("hard-to-read-clause")?.metric?.below == 35)
    #expect(tuned.rule("very-long-sentence")?.metric?.above == 40)
  }

  @Test("fineprint init's starter file changes nothing as written, and every example in it is valid once uncommented")
  func starter() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let rules = try TestSupport.engine().ruleSet
    let asWritten = try Configuration.load(path: try write(StarterConfiguration.text, in: dir))
    try asWritten.validate(against: rules)
    #expect(asWritten.disabled.isEmpty && asWritten.severities.isEmpty && asWritten.ignore.isEmpty)
    #expect(asWritten.failOn == .standard)
    // Each "# key: value" line, uncommented, is a working setting.
    let uncommented = StarterConfiguration.text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      line.hasPrefix("# ") && line.dropFirst(2).first?.isLowercase == true && line.contains(": ")
        && !line.hasPrefix("# FinePrint")
        && line.dropFirst(2).split(separator: ":").first.map { !$0.contains(" ") } == true
        ? String(line.dropFirst(2)) : String(line)
    }.joined(separator: "\n")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("fineprint-rules"), withIntermediateDirectories: true)
    let all = try Configuration.load(path: try write(uncommented, in: dir))
    try all.validate(against: rules)
    #expect(all.disabled == ["plain-language"])
    #expect(all.severities["data-sent-abroad"] == .warning)
    #expect(all.ignore.count == 2 && all.ruleFolders.count == 1)
    #expect(all.readingEaseBelow == 30 && all.sentenceWordsAbove == 50)
    #expect(all.limits == Limits.Settings(maxSizeMegabytes: 100, maxDepth: 256, maxClauseBytes: 10_000, timeoutSeconds: 60))
    #expect(Limits.standard.applying(all.limits) == Limits.standard)
  }

  @Test("It is found by walking up from the document")
  func find() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = try write("version: 1\n", in: dir)
    let deep = dir.appendingPathComponent("a/b/c")
    try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
    #expect(
      Configuration.find(from: deep.path).map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        == URL(fileURLWithPath: path).standardizedFileURL.path)
  }

  @Test(
    "Mistakes name the file and line",
    arguments: [
      ("version: 1\ndisabel: [x]\n", ":2:1: unknown key 'disabel' in the configuration"),
      ("version: 1\nseverity: {x: fatal}\n", ":2:15: 'fatal' is not a valid severity"),
      ("version: 1\nfail_on: sometimes\n", ":2:10: 'sometimes' is not a valid fail_on"),
      ("version: 1\nreadability: {reading_ease: 30}\n", ":2:15: unknown key 'reading_ease' in readability"),
    ])
  func errors(yaml: String, expected: String) throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = try write(yaml, in: dir)
    #expect {
      try Configuration.load(path: path)
    } throws: { error in
      (error as? RuleLoadError)?.errorDescription?.contains(path + expected) == true
    }
  }

  @Test(
    "Ignored paths: * within a name, ** across folders",
    arguments: [
      ("archive/**", "archive/2020/old.html", true), ("archive/**", "current/terms.html", false),
      ("*.draft.html", "legal/terms.draft.html", true), ("legal/*.txt", "legal/sub/x.txt", false),
    ])
  func glob(pattern: String, path: String, expected: Bool) {
    var config = Configuration()
    config.ignore = [pattern]
    config.path = "/repo/.fineprint.yml"
    #expect(config.ignores("/repo/" + path) == expected)
  }

  @Test(
    "A misspelt rule ID or category in disable or severity is an error naming file and line",
    arguments: [
      (
        "version: 1\ndisable: [plain-language, any-purpse]\n",
        ":2:27: 'any-purpse' in disable is neither a rule ID nor a category (did you mean 'any-purpose'?)"
      ),
      (
        "version: 1\ndisable:\n  - waived-litigation\nseverity:\n  waived-litigaton: info\n",
        ":5:3: 'waived-litigaton' in severity is neither a rule ID nor a category (did you mean 'waived-litigation'?)"
      ),
      (
        "version: 1\ndisable: [no-such-thing-at-all]\n",
        ":2:11: 'no-such-thing-at-all' in disable is neither a rule ID nor a category; see 'fineprint rules list'"
      ),
    ])
  func unknownNames(yaml: String, expected: String) throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = try write(yaml, in: dir)
    let config = try Configuration.load(path: path)
    #expect {
      try config.validate(against: try RuleSet.bundled())
    } throws: { error in
      (error as? ConfigurationError)?.errorDescription == path + expected
    }
  }

  @Test("Rule IDs, aliases and categories (also of the taxonomy) are known names")
  func knownNames() throws {
    // A rule renamed from 'sell-data' keeps its old ID as an alias.
    let rules = try RuleSet.bundled().map { rule in
      var rule = rule
      if rule.id == "sell-personal-data" { rule.aliases = ["sell-data"] }
      return rule
    }
    var config = Configuration()
    config.disabled = ["plain-language", "any-purpose", "clear-compensation"]
    config.severities = ["waived-litigation": .info, "sell-data": .info]
    try config.validate(against: rules)
    #expect(config.apply(to: rules).rule("sell-personal-data")?.severity == .info)
    config.disabled.insert("sell-data")
    #expect(config.apply(to: rules).rule("sell-personal-data") == nil)
  }

  @Test("A missing config file says so, not 'cannot read rule file'")
  func missingFile() throws {
    #expect {
      try Configuration.load(path: "/nonexistent/fineprint.yml")
    } throws: { error in
      (error as? ConfigurationError)?.errorDescription == "/nonexistent/fineprint.yml: no such config file"
    }
  }
}
