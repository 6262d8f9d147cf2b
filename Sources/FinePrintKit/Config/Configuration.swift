import Foundation
import Yams

/// A project's `.fineprint.yml`: which rules run and how severe they are, extra rule folders,
/// paths to ignore, the exit threshold and the readability thresholds. Unknown keys are errors
/// with file and line, as in rule files.
///
/// ```yaml
/// version: 1
/// disable: [plain-language, any-purpose]      # rule IDs or categories
/// severity: {international-transfer: warning} # rule ID or category → error | warning | info
/// rules: [legal/fineprint-rules]              # extra rule folders, relative to this file
/// ignore: ["archive/**", "*.draft.html"]       # paths not linted
/// fail_on: error
/// readability: {reading_ease_below: 30, sentence_words_above: 50}
/// limits: {max_size: 100, max_depth: 256, max_clause_bytes: 10000, timeout: 60}
/// ```
public struct Configuration: Sendable, Equatable {
  public enum Key: String, CaseIterable {
    case version, disable, severity, rules, ignore
    case failOn = "fail_on"
    case readability, limits
  }

  public enum ReadabilityKey: String, CaseIterable {
    case readingEaseBelow = "reading_ease_below"
    case sentenceWordsAbove = "sentence_words_above"
  }

  /// The file the configuration came from.
  public var path: String?
  public var disabled: Set<String> = []
  public var severities: [String: Severity] = [:]
  public var ruleFolders: [String] = []
  public var ignore: [String] = []
  public var failOn: FailThreshold?
  public var readingEaseBelow: Double?
  public var sentenceWordsAbove: Double?
  /// The limits this file sets (`limits:`); the command line's win over them.
  public var limits = Limits.Settings()
  /// Where each rule ID or category of `disable` and `severity` is written, to name the line
  /// of one that no rule or category has.
  public var nameLocations: [String: RuleFileLocation] = [:]

  public init() {}

  /// The name FinePrint looks for.
  public static let fileName = ".fineprint.yml"

  /// The nearest `.fineprint.yml` in `directory` or above it.
  public static func find(from directory: String) -> String? {
    var url = URL(fileURLWithPath: directory).standardizedFileURL
    while true {
      let candidate = url.appendingPathComponent(fileName).path
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { return nil }
      url = parent
    }
  }

  /// Reads a configuration file.
  /// - Throws: `RuleLoadError` naming the file and line of an unknown key or a bad value.
  public static func load(path: String) throws -> Configuration {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw FileManager.default.fileExists(atPath: path)
        ? ConfigurationError.unreadable(path: path) : ConfigurationError.noSuchFile(path: path)
    }
    return try parse([UInt8](data), path: path)
  }

  /// Reads a configuration from the bytes of the file at `path` (folders in `rules` are
  /// relative to that path).
  /// - Throws: `RuleLoadError` naming `path` and the line of an unknown key or a bad value.
  public static func parse(_ data: [UInt8], path: String) throws -> Configuration {
    let reader = YAMLReader(file: path)
    var config = Configuration()
    config.path = path
    guard let root = try reader.compose(String(decoding: data, as: UTF8.self)) else { return config }
    let base = URL(fileURLWithPath: path).deletingLastPathComponent()
    for (key, _, value) in try reader.mapping(root, context: "the configuration", allowed: Key.allCases.map(\.rawValue)) {
      switch Key(rawValue: key)! {
      case .version:
        let version = try reader.string(value, key: key)
        if version != "1" { throw RuleLoadError.unsupportedVersion(reader.location(value), version: version) }
      case .disable:
        for (name, location) in try reader.strings(value, key: key) {
          config.disabled.insert(name)
          config.nameLocations[name] = config.nameLocations[name] ?? location
        }
      case .severity:
        guard case .mapping(let mapping) = value else {
          throw RuleLoadError.wrongType(
            reader.location(value), key: key, expected: "a mapping of rule IDs or categories to severities")
        }
        for (name, level) in mapping {
          let text = try reader.string(level, key: "severity")
          guard let severity = Severity(rawValue: text) else {
            throw RuleLoadError.invalidValue(
              reader.location(level), key: "severity", value: text,
              expected: Severity.allCases.map(\.rawValue))
          }
          let id = name.scalar?.string ?? ""
          config.severities[id] = severity
          config.nameLocations[id] = config.nameLocations[id] ?? reader.location(name)
        }
      case .rules:
        config.ruleFolders = try reader.strings(value, key: key).map { base.appendingPathComponent($0.0).path }
      case .ignore:
        config.ignore = try reader.strings(value, key: key).map(\.0)
      case .failOn:
        let text = try reader.string(value, key: key)
        guard let threshold = FailThreshold(rawValue: text) else {
          throw RuleLoadError.invalidValue(
            reader.location(value), key: key, value: text,
            expected: FailThreshold.allCases.map(\.rawValue))
        }
        config.failOn = threshold
      case .readability:
        for (name, _, number) in try reader.mapping(
          value, context: "readability", allowed: ReadabilityKey.allCases.map(\.rawValue))
        {
          guard let n = Double(try reader.string(number, key: name)) else {
            throw RuleLoadError.wrongType(reader.location(number), key: name, expected: "a number")
          }
          if name == ReadabilityKey.readingEaseBelow.rawValue {
            config.readingEaseBelow = n
          } else {
            config.sentenceWordsAbove = n
          }
        }
      case .limits:
        config.limits = try parseLimits(value, reader: reader)
      }
    }
    return config
  }

  /// Checks that every name in `disable` and `severity` is a rule ID (or an old ID a rule keeps
  /// as an alias) or a category of these rules or of the taxonomy.
  /// - Throws: `ConfigurationError.unknownName` naming the file and line, with the nearest name.
  public func validate(against rules: RuleSet) throws {
    let known = rules.disableableNames
    let used = disabled.map { ($0, "disable") } + severities.keys.map { ($0, "severity") }
    let unknown = used.filter { !known.contains($0.0) }
      .sorted {
        (nameLocations[$0.0]?.line ?? 0, nameLocations[$0.0]?.column ?? 0) < (
          nameLocations[$1.0]?.line ?? 0, nameLocations[$1.0]?.column ?? 0
        )
      }
    guard let (name, key) = unknown.first else { return }
    let location = nameLocations[name] ?? RuleFileLocation(file: path ?? Self.fileName, line: 1, column: 1)
    throw ConfigurationError.unknownName(
      location, name: name, key: key,
      suggestion: RuleLoadError.closest(to: name, in: known.sorted()))
  }

  /// The rule set with this configuration applied: disabled rules and categories removed,
  /// severities changed, readability thresholds set. A rule is named by its ID or an alias.
  public func apply(to rules: RuleSet) -> RuleSet {
    let named = { (set: Set<String>, rule: RuleDefinition) in
      set.contains(rule.id) || set.contains(rule.category) || rule.aliases.contains(where: set.contains)
    }
    return rules.filter { !named(disabled, $0) }.map { rule in
      var rule = rule
      let byAlias = rule.aliases.lazy.compactMap { severities[$0] }.first
      if let severity = severities[rule.id] ?? byAlias ?? severities[rule.category] { rule.severity = severity }
      if var metric = rule.metric {
        if metric.measure == .readingEase, let below = readingEaseBelow { metric.below = below }
        if metric.measure == .words, let above = sentenceWordsAbove { metric.above = above }
        rule.metric = metric
      }
      return rule
    }
  }

  /// Whether a path is ignored (`*` within a name, `**` across folders; relative to the config).
  public func ignores(_ path: String) -> Bool {
    guard !ignore.isEmpty else { return false }
    var candidate = URL(fileURLWithPath: path).standardizedFileURL.path
    if let base = configDirectory, candidate.hasPrefix(base + "/") { candidate = String(candidate.dropFirst(base.count + 1)) }
    return ignore.contains {
      Self.glob($0, matches: candidate) || Self.glob($0, matches: URL(fileURLWithPath: candidate).lastPathComponent)
    }
  }

  private var configDirectory: String? {
    path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().standardizedFileURL.path }
  }

  /// Glob matching with `*` (no `/`), `**` (anything) and `?`, in time linear in the path for
  /// each piece of the pattern: the set of pattern positions a path prefix can reach is carried
  /// along the path, so `*a*a*a*a*a*a*a*ab` against a long path no longer backtracks (it hung).
  static func glob(_ pattern: String, matches text: String) -> Bool {
    enum Piece { case character(Character), any, star(crossesFolders: Bool) }
    var pieces: [Piece] = []
    let p = Array(pattern)
    var i = 0
    while i < p.count {
      if p[i] == "*" {
        let deep = i + 1 < p.count && p[i + 1] == "*"
        pieces.append(.star(crossesFolders: deep))
        i += deep ? 2 : 1
      } else {
        pieces.append(p[i] == "?" ? .any : .character(p[i]))
        i += 1
      }
    }
    // reached[k]: the text so far matches pieces[..<k]; a star may also match nothing.
    func closed(_ reached: [Bool]) -> [Bool] {
      var out = reached
      for k in pieces.indices where out[k] { if case .star = pieces[k] { out[k + 1] = true } }
      return out
    }
    var reached = Array(repeating: false, count: pieces.count + 1)
    reached[0] = true
    reached = closed(reached)
    for character in text {
      var next = Array(repeating: false, count: pieces.count + 1)
      for k in pieces.indices where reached[k] {
        switch pieces[k] {
        case .character(let c): if c == character { next[k + 1] = true }
        case .any: next[k + 1] = true
        case .star(let deep): if deep || character != "/" { next[k] = true }
        }
      }
      reached = closed(next)
      if !reached.contains(true) { return false }
    }
    return reached[pieces.count]
  }
}
