import ArgumentParser
import FinePrintKit

/// `fineprint rules`: list, show and test rules.
struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules", abstract: "List, show and test rules.",
    subcommands: [List.self, Show.self, Test.self])

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List every rule: id, category, severity and title.")
    @OptionGroup var rules: RuleOptions

    func run() throws {
      let set = try rules.linter(for: []).engine.ruleSet
      for rule in set.rules {
        let pad = { (s: String, n: Int) in s.padding(toLength: max(n, s.count), withPad: " ", startingAt: 0) }
        Console.out("\(pad(rule.id, 34)) \(pad(rule.category, 24)) \(pad(rule.severity.rawValue, 8)) \(rule.title)")
      }
      Console.out("\(set.rules.count) rules")
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Show one rule in full: message, explanation, patterns, examples.")
    @Argument(help: "The rule's id.") var id: String
    @OptionGroup var rules: RuleOptions

    func run() throws {
      let set = try rules.linter(for: []).engine.ruleSet
      guard let rule = set.rule(id) else {
        Console.error(ValidationError("no rule '\(id)'; see 'fineprint rules list'"))
        throw ExitCode(2)
      }
      var lines = [
        "\(rule.id) — \(rule.title)",
        "category: \(rule.category)   severity: \(rule.severity.rawValue)   scope: \(rule.scope.rawValue)   defined at: \(rule.location)",
        "", "What it means: \(rule.message)",
      ]
      if !rule.explanation.isEmpty {
        lines += ["", "Why it matters: \(rule.explanation.trimmingCharacters(in: .whitespacesAndNewlines))"]
      }
      if !rule.suggestion.isEmpty { lines += ["", "Ask for instead: \(rule.suggestion)"] }
      if !rule.references.isEmpty { lines += ["", "References:"] + rule.references.map { "  - \($0)" } }
      let sections: [(String, [PatternSource])] = [
        ("Patterns", rule.patterns), ("With", rule.with), ("Unless", rule.unless), ("When", rule.when),
        ("Requires patterns", rule.requires?.patterns ?? []), ("Report at", rule.reportAt),
      ]
      for (title, patterns) in sections where !patterns.isEmpty {
        lines += ["", "\(title):"] + patterns.map { "  \($0.text)" }
      }
      if let requires = rule.requires, !(requires.categories + requires.rules).isEmpty {
        lines += ["", "Requires a finding of: " + (requires.categories + requires.rules).joined(separator: ", ")]
      }
      lines += ["", "Flags:"] + rule.flagExamples.map { "  ✗ \($0.text)" }
      lines += ["", "Passes:"] + rule.passExamples.map { "  ✓ \($0.text)" }
      Console.out(lines.joined(separator: "\n"))
    }
  }

  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "test", abstract: "Run rules' own examples and name each failure with its file and line.",
      discussion:
        "With a folder, tests the rules in it (with the bundled lexicons) and checks that the questions of its summary/ folder name rules and facts it has; without, the bundled rules."
    )
    @Argument(help: "A rule folder or file; the bundled rules when omitted.") var path: String?

    func run() throws {
      var options = try RuleOptions.parse([])
      if let path { options.onlyRules = [path] }
      let linter: Linter
      do {
        let set = try options.ruleSet()
        linter = Linter(
          engine: try RuleOptions.cache.engine(ruleSet: set, reusing: path == nil ? RuleOptions.bundled.get() : nil))
        // The summary's questions must name rules and facts the folder has.
        let tables = try path.map { try SummaryTables.load(ruleFolder: $0) } ?? SummaryTables.bundled.get()
        try tables?.validate(against: set)
      } catch {
        Console.error(error)
        throw ExitCode(2)
      }
      let failures = RuleTester(linter: linter).run()
      for failure in failures { Console.out(failure.description) }
      for hint in PatternHints(ruleSet: linter.engine.ruleSet).hints() { Console.out(hint.description) }
      let rules = linter.engine.ruleSet.rules
      let examples = rules.reduce(0) { $0 + $1.flagExamples.count + $1.passExamples.count }
      Console.out(
        failures.isEmpty
          ? "\(rules.count) rules, \(examples) examples: all pass."
          : "\(rules.count) rules, \(examples) examples: \(failures.count) failed.")
      if !failures.isEmpty { throw ExitCode(1) }
    }
  }
}
