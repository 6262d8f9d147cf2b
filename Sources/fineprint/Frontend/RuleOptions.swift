import ArgumentParser
import FinePrintKit

/// Which rules to run: the bundled ones, plus (`--rules`) or instead of (`--only-rules`)
/// rule folders of your own.
struct RuleOptions: ParsableArguments {
  @Option(name: .customLong("rules"), help: "Add the rules in this folder (or file) to the bundled ones. Repeatable.")
  var extraRules: [String] = []

  @Option(name: .customLong("only-rules"), help: "Use only the rules in this folder (or file). Repeatable.")
  var onlyRules: [String] = []

  /// The rule set these options name.
  func ruleSet() throws -> RuleSet {
    var set = onlyRules.isEmpty ? try RuleSet.bundled() : RuleSet()
    for path in onlyRules + extraRules { set = try set.merging(try RuleSet.load(path: path)) }
    // Rule folders may use the bundled lexicons without copying them.
    return onlyRules.isEmpty ? set : try set.addingLexicons(try RuleSet.bundled().lexicons)
  }

  /// The compiled rules; a bad rule file is a usage error (exit 2) naming file and line.
  func linter() throws -> Linter {
    do {
      return Linter(engine: try RuleEngine(ruleSet: try ruleSet()))
    } catch {
      Console.error(error)
      throw ExitCode(2)
    }
  }
}
