import Foundation
import Testing
@testable import FinePrintKit

/// The located error of loading `yaml` as the rule file at `path` (with the bundled lexicons), or
/// nil when it loads and compiles.
func ruleLoadError(_ yaml: String, path: String) -> String? {
  do {
    let set = try RuleSet.parse(files: [(path, yaml)]).addingLexicons(try RuleSet.bundled().lexicons)
    _ = try RuleEngine(ruleSet: set)
    return nil
  } catch {
    return (error as? RuleLoadError)?.errorDescription
  }
}

@Suite("Loading rule files: located errors")
struct RuleLoadingTests {
  static let valid = """
    version: 1
    rules:
      - id: sample-rule
        category: third-party-resale
        severity: warning
        title: Sample
        message: Sample.
        patterns: ["sell+ ..3 @personal-data"]
        examples: {flag: [We sell your data.], pass: [We do not.]}
    """

  func error(_ yaml: String) -> String? { ruleLoadError(yaml, path: "Rules/bad.yml") }

  @Test("A valid rule file loads")
  func validFile() {
    #expect(error(Self.valid) == nil)
  }

  @Test("Who must act: actor and modality load")
  func readingKeys() throws {
    let yaml = Self.valid.replacingOccurrences(
      of: "    title: Sample", with: "    actor: provider\n    modality: [power, statement]\n    title: Sample")
    let rule = try #require(try RuleSet.parse(files: [("Rules/r.yml", yaml)]).rules.first)
    #expect(rule.reading == ReadingConstraint(actor: .provider, modalities: [.power, .statement]))
  }

  @Test("kind: may state what the rule's keys make it, and a kind its keys contradict is a located error")
  func kindKey() throws {
    let stated = Self.valid.replacingOccurrences(of: "    title: Sample", with: "    kind: patterns\n    title: Sample")
    #expect(error(stated) == nil)
    #expect(try RuleSet.parse(files: [("Rules/r.yml", stated)]).rules.first?.kind == .patterns)
    let wrong = Self.valid.replacingOccurrences(of: "    title: Sample", with: "    kind: count\n    title: Sample")
    #expect(
      error(wrong) == "Rules/bad.yml:6:11: the rule says kind 'count', which needs 'patterns' and "
        + "'metric: {measure: matches}', but its keys make it 'patterns'")
    let unknown = Self.valid.replacingOccurrences(of: "    title: Sample", with: "    kind: regex\n    title: Sample")
    #expect(
      error(unknown)?.hasPrefix("Rules/bad.yml:6:11: 'regex' is not a valid kind; expected one of: patterns, count") == true)
  }

  @Test(
    "Every bundled rule has the kind its keys say",
    arguments: [
      ("sell-personal-data", RuleKind.patterns), ("legalese", .count), ("very-long-sentence", .readability),
      ("no-way-to-withdraw", .requires),
    ])
  func bundledKinds(id: String, kind: RuleKind) throws {
    #expect(try RuleSet.bundled().rule(id)?.kind == kind)
  }

  @Test(
    "Every mistake names the file and line",
    arguments: [
      (
        "unknown key", Self.valid.replacingOccurrences(of: "    title: Sample", with: "    titel: Sample"),
        "Rules/bad.yml:6:5: unknown key 'titel'"
      ),
      (
        "unknown lexicon", Self.valid.replacingOccurrences(of: "@personal-data", with: "@persnal-data"),
        "Rules/bad.yml:8:16: unknown lexicon '@persnal-data' (did you mean '@personal-data'?)"
      ),
      (
        "bad category", Self.valid.replacingOccurrences(of: "third-party-resale", with: "resale"),
        "Rules/bad.yml:4:15: 'resale' is not a valid category"
      ),
      (
        "bad severity", Self.valid.replacingOccurrences(of: "severity: warning", with: "severity: fatal"),
        "Rules/bad.yml:5:15: 'fatal' is not a valid severity"
      ),
      (
        "empty pattern", Self.valid.replacingOccurrences(of: "[\"sell+ ..3 @personal-data\"]", with: "[\"  \"]"),
        "Rules/bad.yml:8:16: invalid pattern"
      ),
      (
        "bad regex", Self.valid.replacingOccurrences(of: "sell+ ..3", with: "sell+ /([a-z/"),
        "Rules/bad.yml:8:16: invalid pattern"
      ),
      (
        "no pass example", Self.valid.replacingOccurrences(of: ", pass: [We do not.]", with: ""),
        "Rules/bad.yml:9:15: rule 'sample-rule' has no 'pass' examples"
      ),
      (
        "duplicate id", Self.valid + "\n" + Self.valid.split(separator: "\n").dropFirst(2).joined(separator: "\n"),
        "duplicate rule id 'sample-rule'"
      ),
      ("YAML syntax", "version: 1\nrules:\n  - id: [unclosed\n", "Rules/bad.yml:4:1: invalid YAML"),
      (
        "newer version", Self.valid.replacingOccurrences(of: "version: 1", with: "version: 2"),
        "Rules/bad.yml:1:10: rule format version 2 is newer"
      ),
    ])
  func located(name: String, yaml: String, expected: String) {
    let message = error(yaml)
    #expect(message?.contains(expected) == true, "\(name): \(message ?? "no error")")
  }

  /// The keys that say who must act: a wrong value is an error at its place.
  static let readingMistakes: [(String, String, String)] = [
    (
      "bad actor", Self.valid.replacingOccurrences(of: "    title: Sample", with: "    actor: company\n    title: Sample"),
      "Rules/bad.yml:6:12: 'company' is not a valid actor"
    ),
    (
      "bad not_when",
      Self.valid.replacingOccurrences(of: "    title: Sample", with: "    not_when: [reader maybe]\n    title: Sample"),
      "Rules/bad.yml:6:16: 'reader maybe' is not a valid not_when"
    ),
    (
      "bad modality",
      Self.valid.replacingOccurrences(of: "    title: Sample", with: "    modality: [power, wish]\n    title: Sample"),
      "Rules/bad.yml:6:23: 'wish' is not a valid modality"
    ),
  ]

  @Test("Who-does-what keys: a wrong actor, not_when or modality names the file and line", arguments: readingMistakes)
  func readingKeyErrors(name: String, yaml: String, expected: String) {
    located(name: name, yaml: yaml, expected: expected)
  }
}

@Suite("One rule a file, and the list files before it")
struct RuleFileLayoutTests {
  static let single = """
    version: 1
    id: sample-rule
    category: third-party-resale
    severity: warning
    title: Sample
    message: Sample.
    patterns: ["sell+ ..3 @personal-data"]
    examples: {flag: [We sell your data.], pass: [We do not.]}
    """

  func error(_ yaml: String) -> String? { ruleLoadError(yaml, path: "Rules/x/bad.yml") }

  @Test("A file whose top level is a rule loads as that rule, with its lines")
  func singleRule() throws {
    let set = try RuleSet.parse(files: [("Rules/third-party-resale/sample-rule.yml", Self.single)])
    let rule = try #require(set.rules.first)
    #expect(set.rules.count == 1)
    #expect(rule.id == "sample-rule" && rule.category == "third-party-resale" && rule.severity == .warning)
    #expect(rule.location.description == "Rules/third-party-resale/sample-rule.yml:2:1")
    #expect(rule.flagExamples.first?.location.description == "Rules/third-party-resale/sample-rule.yml:8:19")
  }

  @Test(
    "A mistake in a one-rule file names its file and line",
    arguments: [
      (
        Self.single.replacingOccurrences(of: "title: Sample", with: "titel: Sample"),
        "Rules/x/bad.yml:5:1: unknown key 'titel' in a rule"
      ),
      (Self.single.replacingOccurrences(of: "version: 1", with: "version: 2"), "Rules/x/bad.yml:1:10: rule format version 2"),
      (Self.single + "\nrules: []", "Rules/x/bad.yml:9:1: unknown key 'rules' in a rule"),
      (Self.single.replacingOccurrences(of: "@personal-data", with: "@persnal-data"), "Rules/x/bad.yml:7:12: unknown lexicon"),
      (
        Self.single.replacingOccurrences(of: ", pass: [We do not.]", with: ""),
        "Rules/x/bad.yml:8:11: rule 'sample-rule' has no 'pass'"
      ),
    ])
  func singleRuleErrors(yaml: String, expected: String) {
    let message = error(yaml)
    #expect(message?.hasPrefix(expected) == true, "\(message ?? "no error")")
  }

  @Test("A folder is read with its sub-folders, one-rule files and list files alike, in the order of their paths")
  func folderOfBothForms() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let nested = dir.appendingPathComponent("third-party-resale")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    try Self.single.write(to: nested.appendingPathComponent("sample-rule.yml"), atomically: true, encoding: .utf8)
    let list = RuleLoadingTests.valid.replacingOccurrences(of: "sample-rule", with: "listed-rule")
      .replacingOccurrences(of: "  - id: listed-rule", with: "  - id: listed-rule\n    aliases: [old-name]")
    try list.write(to: dir.appendingPathComponent("old.yml"), atomically: true, encoding: .utf8)
    try "version: 1\nquestion: ignored\n".write(
      to: try Self.folder(dir, "summary").appendingPathComponent("01-q.yml"), atomically: true, encoding: .utf8)
    let set = try RuleSet.load(path: dir.path)
    #expect(set.rules.map(\.id) == ["listed-rule", "sample-rule"])
    #expect(set.rules.last?.location.file == dir.path + "/third-party-resale/sample-rule.yml")
    // The same rule ID in both forms is refused, at the second one.
    try Self.single.replacingOccurrences(of: "id: sample-rule", with: "id: listed-rule").write(
      to: nested.appendingPathComponent("listed-rule.yml"), atomically: true, encoding: .utf8)
    #expect {
      _ = try RuleSet.load(path: dir.path)
    } throws: { error in
      (error as? RuleLoadError)?.errorDescription?.hasPrefix(
        dir.path + "/third-party-resale/listed-rule.yml:2:1: duplicate rule id") == true
    }
  }

  static func folder(_ parent: URL, _ name: String) throws -> URL {
    let url = parent.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("Every bundled rule is the one rule of Rules/<category>/<rule-id>.yml")
  func bundledLayout() throws {
    let rules = try RuleSet.bundled().rules
    #expect(rules.count > 50)
    for rule in rules {
      #expect(rule.location.file == "Rules/\(rule.category)/\(rule.id).yml", "\(rule.id) is in \(rule.location.file)")
    }
    let listFiles = RuleSet.bundledFiles.filter { $0.1.contains("\nrules:") }.map(\.0)
    #expect(listFiles.isEmpty, "bundled files with a list of rules: \(listFiles)")
  }
}

@Suite("YAML traps in rule files")
struct RuleYAMLTrapTests {
  @Test("An unquoted ' #number' would be a silent YAML comment: it is a located error")
  func commentedNumber() throws {
    let yaml = """
      version: 1
      lexicons:
        periods:
          - keep+ ..10 for #number (days | months)
      """
    #expect {
      _ = try RuleSet.parse(files: [("periods.yml", yaml)])
    } throws: { error in
      let text = (error as? RuleLoadError)?.errorDescription ?? ""
      return text.hasPrefix("periods.yml:4:") && text.contains("quote this pattern")
    }
    let quoted = yaml.replacingOccurrences(
      of: "- keep+ ..10 for #number (days | months)", with: "- \"keep+ ..10 for #number (days | months)\"")
    #expect(try RuleSet.parse(files: [("periods.yml", quoted)]).lexicons.count == 1)
  }

  @Test("An unquoted ' #provider' is refused the same way, naming it")
  func commentedProvider() throws {
    let yaml = """
      version: 1
      lexicons:
        discretion:
          - as (we | it) see fit or as #provider sees fit
      """
    #expect {
      _ = try RuleSet.parse(files: [("discretion.yml", yaml)])
    } throws: { error in
      let text = (error as? RuleLoadError)?.errorDescription ?? ""
      return text.hasPrefix("discretion.yml:4:") && text.contains("would drop '#provider'")
    }
  }

  @Test("A pattern that ends with a gap is refused")
  func trailingGap() throws {
    #expect(throws: (any Error).self) { _ = try PatternParser.parse("keep+ for ..3") }
    #expect(throws: (any Error).self) { _ = try PatternParser.parse("..3 keep+") }
    #expect(throws: Never.self) { _ = try PatternParser.parse("keep+ ..3 for") }
  }
}
