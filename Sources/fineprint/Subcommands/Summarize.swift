import ArgumentParser
import Foundation
import FinePrintKit

/// `fineprint summarize FILE|URL`: what the terms mean for the person asked to accept them.
struct Summarize: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summarize",
    abstract:
      "Summarise a document in plain language: a grade, answers to a careful reader's questions, risks, protections, readability.",
    discussion: "Exit status: 0 when a summary was written, 2 on errors.")

  @Argument(help: "The document: a file, an http(s) URL, or - for standard input.") var input: String
  @OptionGroup var rules: RuleOptions
  @OptionGroup var reading: ReadOptions
  @OptionGroup var display: OutputOptions

  @Option(
    help: ArgumentHelp("Output format: \(SummaryFormats.identifiers.joined(separator: ", ")).", valueName: "format"),
    completion: .list(SummaryFormats.identifiers))
  var format: String = "text"

  @Option(name: .shortAndLong, help: "Write the summary to this file instead of standard output.")
  var output: String?

  func validate() throws {
    guard SummaryFormats.identifiers.contains(format) else {
      throw ValidationError("unknown format '\(format)'; use \(SummaryFormats.identifiers.joined(separator: ", "))")
    }
  }

  func run() throws {
    Console.quiet = display.quiet
    let document: Document
    let summary: Summary
    let configuration = try rules.configuration(for: [reading.name(of: input)])
    let limits = reading.limits(under: configuration)
    var linter = try rules.linter(configuration)
    linter.segmenter.maxClauseBytes = limits.maxClauseBytes
    let tables = try rules.summaryTables()
    let deadline: ContinuousClock.Instant
    (document, deadline) = try reading.requiredDocumentAndDeadline(at: input, limits: limits)
    do {
      summary = try Summarizer(linter: linter, cache: RuleOptions.cache, tables: tables)
        .summarize(document, deadline: deadline, budgetSeconds: limits.timeoutSeconds)
    } catch {
      Console.error(error)
      throw ExitCode(2)
    }
    let renderer = SummaryFormats.renderer(format, options: ReportOptions(color: display.colored(toFile: output != nil)))
    let text = try renderer?.render(summary, document: document) ?? ""
    if let output {
      do { try OutputFile.write(text + "\n", to: output) } catch {
        Console.error(error)
        throw ExitCode(2)
      }
    } else {
      Console.out(text)
    }
  }
}
