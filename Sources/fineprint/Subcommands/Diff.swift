import ArgumentParser
import Foundation
import FinePrintKit

/// `fineprint diff OLD NEW`: what a new version of the terms adds, removes or rewords.
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff", abstract: "Compare two versions of a document: risks and protections added, removed or reworded.",
    discussion: "Exit status: 1 when the new version adds a risk at or above --fail-on, 0 otherwise, 2 on errors.")

  @Argument(help: "The old version (file or -).") var old: String
  @Argument(help: "The new version (file or -).") var new: String
  @OptionGroup var rules: RuleOptions
  @OptionGroup var reading: ReadOptions

  @Option(help: "Output format: text or json.")
  var format: String = "text"

  @Option(
    help:
      "Exit with 1 when an added risk has at least this severity: error, warning, info or never (default: warning, or fail_on in .fineprint.yml)."
  )
  var failOn: FailThreshold?

  func validate() throws {
    guard ["text", "json"].contains(format) else { throw ValidationError("unknown format '\(format)'; use text or json") }
  }

  func run() throws {
    let configuration = try rules.configuration(for: [new])
    let limits = reading.limits(under: configuration)
    var linter = try rules.linter(configuration)
    linter.segmenter.maxClauseBytes = limits.maxClauseBytes
    func findings(_ path: String) throws -> [Finding] {
      let (document, deadline) = try reading.requiredDocumentAndDeadline(at: path, limits: limits)
      do {
        return try linter.lint(document, deadline: deadline, budgetSeconds: limits.timeoutSeconds).map { f in
          var f = f
          f.file = path
          return f
        }
      } catch {
        Console.error(error)
        throw ExitCode(2)
      }
    }
    let diff = TermsDiff(old: try findings(old), new: try findings(new))
    if format == "json" {
      struct Output: Encodable {
        struct Pair: Encodable {
          var old: Finding
          var new: Finding
        }
        var added: [Finding]
        var removed: [Finding]
        var reworded: [Pair]
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let output = Output(
        added: diff.added, removed: diff.removed,
        reworded: diff.reworded.map { Output.Pair(old: $0.old, new: $0.new) })
      Console.out(String(decoding: try encoder.encode(output), as: UTF8.self))
    } else {
      Console.out(diff.text())
    }
    let failOn = self.failOn ?? configuration.failOn ?? .standard
    if let threshold = failOn.severity, diff.added.contains(where: { !$0.isProtection && $0.severity >= threshold }) {
      throw ExitCode(1)
    }
  }
}
