import ArgumentParser
import Foundation
import FinePrintKit

/// Which rules to run: the bundled ones, plus (`--rules`) or instead of (`--only-rules`)
/// rule folders of your own.
struct RuleOptions: ParsableArguments {
  @Option(name: .customLong("rules"), help: "Add the rules in this folder (or file) to the bundled ones. Repeatable.")
  var extraRules: [String] = []

  @Option(name: .customLong("only-rules"), help: "Use only the rules in this folder (or file). Repeatable.")
  var onlyRules: [String] = []

  @Option(help: "Read this configuration instead of the nearest .fineprint.yml above the first input (or the current folder).")
  var config: String?

  @Flag(help: "Ignore any .fineprint.yml.")
  var noConfig = false

  @Option(
    name: .customLong("disable"),
    help: "Do not run this rule or category (its ID or an old ID), as disable: in .fineprint.yml does. Repeatable.")
  var disabledRules: [String] = []

  /// The configuration in force for these inputs: --config, else the nearest .fineprint.yml.
  func configuration(for inputs: [String]) throws -> Configuration {
    if noConfig { return Configuration() }
    let start = ConfigurationResolver.directory(of: inputs.first ?? "-")
    return try load(config ?? Configuration.find(from: start))
  }

  /// Whether one configuration serves every input (`--config` or `--no-config`), instead of
  /// each input's nearest `.fineprint.yml`.
  var fixedConfiguration: Bool { noConfig || config != nil }

  /// Reads a configuration file (nil: none); a mistake in it is a usage error (exit 2).
  func load(_ path: String?) throws -> Configuration {
    guard let path else { return Configuration() }
    do {
      return try Configuration.load(path: path)
    } catch {
      Console.error(error)
      throw ExitCode(2)
    }
  }

  /// The rule set these options name.
  func ruleSet() throws -> RuleSet {
    var set = onlyRules.isEmpty ? try Self.bundled.get().ruleSet : RuleSet()
    for path in onlyRules + extraRules { set = try set.merging(try RuleSet.load(path: path)) }
    // Rule folders may use the bundled lexicons without copying them.
    return onlyRules.isEmpty ? set : try set.addingLexicons(try Self.bundled.get().ruleSet.lexicons)
  }

  /// The summary's questions these options name: the `summary/` folders of the rule folders
  /// after the bundled ones (`--rules`), or instead of them (`--only-rules`); nil when no rule
  /// folder has one (the bundled questions). A malformed table is a usage error (exit 2).
  func summaryTables() throws -> SummaryTables? {
    do {
      var found: SummaryTables?
      for path in onlyRules + extraRules {
        guard let tables = try SummaryTables.load(ruleFolder: path) else { continue }
        if found == nil { found = onlyRules.isEmpty ? try SummaryTables.bundled.get() : SummaryTables() }
        try found?.add(tables)
      }
      return found
    } catch {
      Console.error(error)
      throw ExitCode(2)
    }
  }

  /// Compiled rules kept between runs (`FINEPRINT_CACHE`).
  static let cache = RuleCache.standard()
  /// The bundled rules, compiled (or read from the cache) once per run.
  static let bundled = Result { try cache.bundledEngine() }

  /// The rules a configuration runs, uncompiled: these options' rules and the configuration's
  /// rule folders, with its `disable` and `severity` applied; a name there that is no rule or
  /// category, like a bad rule file, is a usage error (exit 2) naming file and line.
  func configuredRuleSet(_ configuration: Configuration) throws -> RuleSet {
    do {
      var set = try ruleSet()
      for folder in configuration.ruleFolders { set = try set.merging(try RuleSet.load(path: folder)) }
      try configuration.validate(against: set)
      var configuration = configuration
      if !disabledRules.isEmpty {
        let known = set.disableableNames
        if let unknown = disabledRules.first(where: { !known.contains($0) }) {
          let suggestion = RuleLoadError.closest(to: unknown, in: known.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
          throw ValidationError("--disable \(unknown): no rule or category has this name\(suggestion)")
        }
        configuration.disabled.formUnion(disabledRules)
      }
      return configuration.apply(to: set)
    } catch {
      Console.error(error)
      throw ExitCode(2)
    }
  }

  /// The compiled rules, with a configuration applied; a bad rule file is a usage error
  /// (exit 2) naming file and line.
  func linter(_ configuration: Configuration) throws -> Linter {
    try linter(ruleSet: configuredRuleSet(configuration))
  }

  /// The compiled rules for these inputs: the configuration in force for them applied.
  func linter(for inputs: [String]) throws -> Linter {
    try linter(try configuration(for: inputs))
  }

  func linter(ruleSet: RuleSet) throws -> Linter {
    do {
      return Linter(engine: try Self.cache.engine(ruleSet: ruleSet, reusing: onlyRules.isEmpty ? Self.bundled.get() : nil))
    } catch {
      Console.error(error)
      throw ExitCode(2)
    }
  }
}
