import ArgumentParser
import FinePrintKit

/// `fineprint explain RULE FILE`: why a rule fired or did not, clause by clause.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain", abstract: "Explain why a rule fired or did not on each clause of a document.")

  @Argument(help: "The rule's id (see 'fineprint rules list').")
  var rule: String

  @OptionGroup var input: InputOptions
  @OptionGroup var rules: RuleOptions

  @Flag(help: "Also list clauses where no pattern of the rule matched.")
  var all = false

  func run() throws {
    let configuration = try rules.configuration(for: input.paths)
    let set = try rules.configuredRuleSet(configuration)
    guard set.rule(rule) != nil else {
      let all = try rules.configuredRuleSet(Configuration())
      if let path = configuration.path, all.rule(rule) != nil {
        Console.error(ValidationError("rule '\(rule)' is disabled by \(path)"))
      } else {
        Console.error(ValidationError("no rule '\(rule)'; see 'fineprint rules list'"))
      }
      throw ExitCode(2)
    }
    var linter = try rules.linter(ruleSet: set)
    linter.segmenter.maxClauseBytes = input.reading.limits(under: configuration).maxClauseBytes
    var loader = DocumentLoader(options: input, configuration: configuration)
    try loader.forEachDocument { document, _ in
      for line in RuleExplainer(linter: linter).explain(ruleID: rule, in: document, all: all) ?? [] { Console.out(line) }
    }
    if loader.failures > 0 { throw ExitCode(2) }
  }
}
