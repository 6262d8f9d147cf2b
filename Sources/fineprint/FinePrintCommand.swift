import ArgumentParser

/// `fineprint`: reads consent forms, terms of service and privacy policies and flags what a
/// careful reader would warn about.
@main
struct FinePrintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fineprint",
    abstract: "A linter for the fine print of contracts: consent forms, terms of service, privacy policies.",
    subcommands: [Lint.self, Clauses.self, Classify.self, Rules.self, Explain.self],
    defaultSubcommand: Lint.self
  )
}
