import ArgumentParser
import Foundation
import FinePrintKit

/// `fineprint lint`: checks documents against the rules and reports what it finds.
struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check documents for risky terms.",
    discussion: "Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage or input error.")

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
  enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, info, never }

  @OptionGroup var input: InputOptions
  @OptionGroup var rules: RuleOptions

  @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: Format = .text

  @Option(help: "Exit with 1 when a finding has at least this severity: error, warning, info or never.")
  var failOn: FailOn = .warning

  @Flag(help: "Hide protections (what the terms promise you) in text output.")
  var hideProtections = false

  func run() throws {
    let linter = try rules.linter()
    var loader = DocumentLoader(options: input)
    var files: [Report.FileResult] = []
    try loader.forEachDocument { document in
      files.append(Report.FileResult(path: document.path, findings: linter.lint(document)))
    }
    let report = Report(files: files, rules: linter.engine.ruleSet)
    // Nothing could be read: the errors above say why; a total of nothing would only confuse.
    if files.isEmpty && loader.failures > 0 { throw ExitCode(2) }
    switch format {
    case .json:
      Console.out(JSONReporter().render(report))
    case .text:
      let color = isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
      Console.out(TextReporter(color: color, showProtections: !hideProtections).render(report))
    }
    if loader.failures > 0 { throw ExitCode(2) }
    let threshold: Severity? = failOn == .never ? nil : Severity(rawValue: failOn.rawValue)
    if let threshold, report.findings.contains(where: { $0.severity >= threshold }) { throw ExitCode(1) }
  }
}
