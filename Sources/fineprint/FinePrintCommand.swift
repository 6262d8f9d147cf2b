import ArgumentParser
import Foundation
import FinePrintKit

/// `fineprint`: reads consent forms, terms of service and privacy policies and flags what a
/// careful reader would warn about.
@main
struct FinePrintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fineprint",
    abstract: "A linter for the fine print of contracts: consent forms, terms of service, privacy policies.",
    version: FinePrintVersion.current,
    subcommands: [Lint.self, Summarize.self, Clauses.self, Classify.self, Rules.self, Explain.self, Diff.self],
    defaultSubcommand: Lint.self
  )

  /// Runs the command; usage errors exit with 2 (FinePrint's documented code), not 64.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
