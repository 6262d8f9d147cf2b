import ArgumentParser
import Foundation
import FinePrintKit

/// `fineprint lint`: checks documents against the rules and reports what it finds.
struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check documents for risky terms.",
    discussion: "Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage or input error.")

  enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, info, never }

  @OptionGroup var input: InputOptions
  @OptionGroup var rules: RuleOptions

  @Option(help: ArgumentHelp(
    "Output format: \(Reporters.identifiers.joined(separator: ", ")). Repeatable.",
    discussion: "With several, the n-th --output receives the n-th format; formats without one go to standard output."))
  var format: [String] = []

  @Option(help: "Write a format's output to this file instead of standard output. Repeatable.")
  var output: [String] = []

  @Option(help: "Exit with 1 when a finding has at least this severity: error, warning, info or never (default: warning, or fail_on in .fineprint.yml).")
  var failOn: FailOn?

  @Option(help: "Report only findings that are not in this baseline file (matched by rule and clause, not line).")
  var baseline: String?

  @Option(help: "Record today's findings in this baseline file (and report them as usual).")
  var writeBaseline: String?

  @Flag(help: "Hide protections (what the terms promise you) in text output.")
  var hideProtections = false

  func validate() throws {
    for name in format where Reporters.reporter(name) == nil {
      throw ValidationError("unknown format '\(name)'; use one of: \(Reporters.identifiers.joined(separator: ", "))")
    }
    if output.count > max(format.count, 1) {
      throw ValidationError("\(output.count) --output files for \(max(format.count, 1)) formats")
    }
  }

  func run() throws {
    let configuration = try rules.configuration(for: input.paths)
    let linter = try rules.linter(configuration)
    var loader = DocumentLoader(options: input)
    loader.skip = configuration.ignores
    // Documents are linted on all cores; results come back in the order given.
    let results = loader.mapDocuments { document in
      let result = linter.lintApplyingSuppressions(document)
      return (Report.FileResult(path: document.path, findings: result.findings, suppressed: result.suppressed), result.problems)
    }
    for (_, problems) in results { problems.forEach(Console.warning) }
    var files = results.map(\.0)
    if let writeBaseline {
      do {
        try Baseline(findings: files.flatMap(\.findings)).write(to: writeBaseline)
      } catch {
        Console.error(ValidationError("cannot write baseline \(writeBaseline): \(error.localizedDescription)"))
        throw ExitCode(2)
      }
    }
    if let baseline {
      let known: Baseline
      do { known = try Baseline.load(path: baseline) } catch {
        Console.error(error)
        throw ExitCode(2)
      }
      files = files.map { Report.FileResult(path: $0.path, findings: known.newFindings($0.findings), suppressed: $0.suppressed) }
    }
    let report = Report(files: files, rules: linter.engine.ruleSet)
    // Nothing could be read: the errors above say why; a total of nothing would only confuse.
    if files.isEmpty && loader.failures > 0 { throw ExitCode(2) }
    let color = isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    let formats = format.isEmpty ? [TextReporter.identifier] : format
    for (n, name) in formats.enumerated() {
      let destination = n < output.count ? output[n] : nil
      guard let reporter = Reporters.reporter(name, color: color && destination == nil, showProtections: !hideProtections)
      else { continue }
      let rendered = reporter.render(report)
      if let destination {
        do {
          try OutputFile.write(rendered + "\n", to: destination)
        } catch {
          Console.error(error)
          throw ExitCode(2)
        }
      } else if !rendered.isEmpty {
        Console.out(rendered)
      }
      if name == GitHubReporter.identifier, let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"] {
        // The annotations GitHub shows are capped; the job summary gets every finding.
        let fd = open(summary, O_WRONLY | O_APPEND | O_CLOEXEC)
        if fd >= 0 {
          defer { close(fd) }
          do {
            try OutputFile.writeAll(Array((MarkdownReporter().render(report) + "\n").utf8), to: fd, path: summary)
          } catch {
            Console.error(error)
            throw ExitCode(2)
          }
        }
      }
    }
    if loader.failures > 0 { throw ExitCode(2) }
    let failOn = self.failOn ?? configuration.failOn.flatMap(FailOn.init(rawValue:)) ?? .warning
    let threshold: Severity? = failOn == .never ? nil : Severity(rawValue: failOn.rawValue)
    if let threshold, report.findings.contains(where: { $0.severity >= threshold }) { throw ExitCode(1) }
  }
}
