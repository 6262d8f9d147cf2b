import Foundation

/// The rules and lexicons FinePrint checks with: the bundled ones, plus or instead of rule
/// folders the user names. Validated structurally when loaded; `RuleEngine` compiles it.
public struct RuleSet: Sendable {
  public private(set) var rules: [RuleDefinition] = []
  public private(set) var lexicons: [Lexicon] = []

  public init() {}

  /// The rules shipped inside the binary (from `Rules/` at build time).
  public static func bundled() throws -> RuleSet {
    try parse(files: bundledFiles)
  }

  /// The bundled rule and lexicon files as (path, contents), paths starting with `Rules/`.
  static var bundledFiles: [(String, String)] {
    BundledRules.files.filter { !SummaryTables.isSummaryFile($0.path) }.map { ("Rules/" + $0.path, $0.contents) }
  }

  /// Every `.yml`/`.yaml` file under a directory (or one file).
  public static func load(path: String) throws -> RuleSet {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw RuleLoadError.unreadable(file: path, reason: "no such file or directory")
    }
    var paths: [String] = []
    if isDirectory.boolValue {
      let root = URL(fileURLWithPath: path)
      let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
      while let url = walker?.nextObject() as? URL {
        let relative = url.path.dropFirst(root.path.count)
        // The folder's `summary/` holds the summary's questions (`SummaryTables`), not rules.
        if ["yml", "yaml"].contains(url.pathExtension), !SummaryTables.isSummaryFile(String(relative.drop { $0 == "/" })) {
          paths.append((path.hasSuffix("/") ? String(path.dropLast()) : path) + relative)
        }
      }
    } else {
      paths = [path]
    }
    var files: [(String, String)] = []
    for file in paths.sorted() {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw RuleLoadError.unreadable(file: file, reason: "cannot read the file")
      }
      files.append((file, String(decoding: data, as: UTF8.self)))
    }
    return try parse(files: files)
  }

  /// Parses rule and lexicon files given as (path, contents).
  public static func parse(files: [(String, String)]) throws -> RuleSet {
    var set = RuleSet()
    for (path, contents) in files {
      let (rules, lexicons) = try RuleFileParser(file: path).parse(contents)
      try set.add(rules: rules, lexicons: lexicons)
    }
    return set
  }

  /// This set with another's rules and lexicons added.
  /// - Throws: `RuleLoadError.duplicateID` when both define a rule or a lexicon.
  public func merging(_ other: RuleSet) throws -> RuleSet {
    var merged = self
    try merged.add(rules: other.rules, lexicons: other.lexicons)
    return merged
  }

  mutating func add(rules newRules: [RuleDefinition], lexicons newLexicons: [Lexicon]) throws {
    for rule in newRules {
      if let first = rules.first(where: { $0.id == rule.id || $0.aliases.contains(rule.id) }) {
        throw RuleLoadError.duplicateID(rule.location, id: rule.id, first: first.location)
      }
      rules.append(rule)
    }
    for lexicon in newLexicons {
      if let first = lexicons.first(where: { $0.name == lexicon.name }) {
        throw RuleLoadError.duplicateID(lexicon.location, id: "@" + lexicon.name, first: first.location)
      }
      lexicons.append(lexicon)
    }
  }

  /// Every name that `disable`, `severity` and `--disable` accept: rule IDs, their old IDs
  /// (`aliases`) and the taxonomy's categories.
  public var disableableNames: Set<String> {
    Set(rules.flatMap { [$0.id, $0.category] + $0.aliases } + Category.all.map(\.id))
  }

  /// This set with lexicons it does not define yet (a rule folder reusing the bundled lexicons).
  public func addingLexicons(_ extra: [Lexicon]) throws -> RuleSet {
    var copy = self
    try copy.add(rules: [], lexicons: extra.filter { lexicon in !lexicons.contains { $0.name == lexicon.name } })
    return copy
  }

  /// This set with the rules of another that it lacks (by ID): the rules a run with several
  /// configurations reports on, each as the first configuration that runs it has it.
  public func adding(rulesMissingFrom other: RuleSet) -> RuleSet {
    var copy = self
    copy.rules += other.rules.filter { rule($0.id) == nil }
    return copy
  }

  /// What compiling reads of this set: two sets with equal parts compile to the same tables.
  /// Severities and metric thresholds are read while matching, so a configuration that changes
  /// only them can reuse the bundled rules' compiled tables.
  var compiledPart: CompiledPart {
    CompiledPart(
      rules: rules.map { rule in
        var rule = rule
        rule.severity = .info
        rule.metric = nil
        return rule
      }, lexicons: lexicons)
  }

  struct CompiledPart: Equatable {
    var rules: [RuleDefinition]
    var lexicons: [Lexicon]
  }

  /// The rule with this ID or alias.
  public func rule(_ id: String) -> RuleDefinition? {
    rules.first { $0.id == id || $0.aliases.contains(id) }
  }

  /// The same set with each rule transformed (configuration: severities, thresholds).
  public func map(_ transform: (RuleDefinition) -> RuleDefinition) -> RuleSet {
    var copy = self
    copy.rules = rules.map(transform)
    return copy
  }

  /// Keeps only the rules `keep` accepts (configuration: disabled rules and categories).
  public func filter(_ keep: (RuleDefinition) -> Bool) -> RuleSet {
    var copy = self
    copy.rules = rules.filter(keep)
    return copy
  }
}
