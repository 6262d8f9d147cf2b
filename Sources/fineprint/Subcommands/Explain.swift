import ArgumentParser
import FinePrintKit

/// `fineprint explain RULE FILE`: why a rule fired or did not, clause by clause.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Explain why a rule fired or did not on each clause of a document.")

  @Argument(help: "The rule's id (see 'fineprint rules list').")
  var rule: String

  @OptionGroup var input: InputOptions
  @OptionGroup var rules: RuleOptions

  @Flag(help: "Also list clauses where no pattern of the rule matched.")
  var all = false

  func run() throws {
    let linter = try rules.linter()
    guard linter.engine.ruleSet.rule(rule) != nil else {
      Console.error(ValidationError("no rule '\(rule)'; see 'fineprint rules list'"))
      throw ExitCode(2)
    }
    var loader = DocumentLoader(options: input)
    try loader.forEachDocument { document in
      for line in RuleExplainer(linter: linter).explain(ruleID: rule, in: document, all: all) ?? [] { Console.out(line) }
    }
    if loader.failures > 0 { throw ExitCode(2) }
  }
}
