import ArgumentParser
import Foundation
import FinePrintKit

/// `fineprint lint`: checks documents against the rules and reports what it finds.
struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint", abstract: "Check documents for risky terms.",
    discussion: "Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage or input error.")

  @OptionGroup var input: InputOptions
  @OptionGroup var rules: RuleOptions
  @OptionGroup var display: OutputOptions

  @Option(
    help: ArgumentHelp(
      "Output format: \(Reporters.identifiers.joined(separator: ", ")). Repeatable.",
      discussion: "With several, the n-th --output receives the n-th format; formats without one go to standard output."),
    completion: .list(Reporters.identifiers))
  var format: [String] = []

  @Option(help: "Write a format's output to this file instead of standard output. Repeatable.")
  var output: [String] = []

  @Option(
    help:
      "Exit with 1 when a finding has at least this severity: error, warning, info or never (default: warning, or fail_on in .fineprint.yml)."
  )
  var failOn: FailThreshold?

  @Option(help: "Report only findings that are not in this baseline file (matched by rule and clause, not line).")
  var baseline: String?

  @Option(help: "Record today's findings in this baseline file (and report them as usual).")
  var writeBaseline: String?

  @Flag(help: "Hide protections (what the terms promise you) in text output.")
  var hideProtections = false

  @Option(help: "Report only findings of at least this severity: error, warning or info (protections are info), in every format.")
  var minSeverity: Severity?

  @Option(
    help: "Exit with 1 when more than this many warnings are reported, whatever --fail-on says (as ESLint's --max-warnings).")
  var maxWarnings: Int?

  func validate() throws {
    for name in format where Reporters.reporter(name) == nil {
      throw ValidationError("unknown format '\(name)'; use one of: \(Reporters.identifiers.joined(separator: ", "))")
    }
    if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more, not \(maxWarnings)") }
    if output.count > max(format.count, 1) {
      throw ValidationError("\(output.count) --output files for \(max(format.count, 1)) formats")
    }
  }

  func run() throws {
    Console.quiet = display.quiet
    // The run's settings (fail_on) come from --config or the first input's configuration;
    // what is linted and how follows each input's own (its nearest .fineprint.yml).
    let named = input.paths.map(input.reading.name(of:))
    let configuration = try rules.configuration(for: named)
    var resolver = ConfigurationResolver()
    let key = { (path: String) -> String? in
      rules.fixedConfiguration ? configuration.path : resolver.configurationPath(for: input.reading.name(of: path))
    }
    var configurations: [String?: Configuration] = [configuration.path: configuration]
    var loader = DocumentLoader(options: input)
    var failed: Error?
    loader.skip = { path in
      let file = key(path)
      if configurations[file] == nil {
        do { configurations[file] = try rules.load(file) } catch {
          failed = error
          configurations[file] = Configuration()
        }
      }
      return configurations[file]!.ignores(input.reading.name(of: path)) ? (file ?? Configuration.fileName) : nil
    }
    let paths = loader.paths()
    if let failed { throw failed }
    var linters: [String?: Linter] = [:]
    var linterOfPath: [String: (Linter, Limits)] = [:]
    for path in paths where linterOfPath[path] == nil {
      let file = key(path)
      // Each input is read and linted within its own configuration's limits (the options' win).
      let limits = input.reading.limits(under: configurations[file] ?? configuration)
      if linters[file] == nil {
        var linter = try rules.linter(configurations[file] ?? configuration)
        linter.segmenter.maxClauseBytes = limits.maxClauseBytes
        linters[file] = linter
      }
      linterOfPath[path] = (linters[file]!, limits)
    }
    let byPath = linterOfPath
    loader.limits = { path in byPath[path]?.1 ?? .standard }
    // Documents are linted on all cores; results come back in the order given.
    let results = loader.mapDocuments(paths: paths) { path, document, deadline in
      let (linter, limits) = byPath[path]!
      let name = document.path
      let result = try linter.lintApplyingSuppressions(
        consume document, deadline: deadline, budgetSeconds: limits.timeoutSeconds)
      return (Report.FileResult(path: name, findings: result.findings, suppressed: result.suppressed), result.problems)
    }
    // SARIF describes every rule that ran: the first input's configuration's, then the others'.
    var ruleSet = try linters[configuration.path].map(\.engine.ruleSet) ?? rules.configuredRuleSet(configuration)
    for file in Set(paths.map(key)) where file != configuration.path {
      ruleSet = ruleSet.adding(rulesMissingFrom: linters[file]!.engine.ruleSet)
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
    if let minSeverity {
      files = files.map {
        Report.FileResult(path: $0.path, findings: $0.findings.filter { $0.severity >= minSeverity }, suppressed: $0.suppressed)
      }
    }
    let report = Report(files: files, rules: ruleSet)
    // Nothing could be read: the errors above say why; a total of nothing would only confuse.
    if files.isEmpty && loader.failures > 0 { throw ExitCode(2) }
    // Every input ignored: a run that checks nothing must not pass as a clean one.
    if files.isEmpty && loader.ignored > 0 {
      Console.error(
        ValidationError("nothing to lint: every input matches an ignore pattern of \(loader.ignoredBy ?? Configuration.fileName)")
      )
      throw ExitCode(2)
    }
    let threshold = (self.failOn ?? configuration.failOn ?? .standard).severity
    let formats = format.isEmpty ? [TextReporter.identifier] : format
    for (n, name) in formats.enumerated() {
      let destination = n < output.count ? output[n] : nil
      let options = ReportOptions(
        color: display.colored(toFile: destination != nil), showProtections: !hideProtections,
        failOn: threshold, quiet: display.quiet)
      guard let reporter = Reporters.reporter(name, options: options) else { continue }
      reporter.warnings(for: report).forEach(Console.warning)
      // The report is written as it is rendered: a large one is never held whole.
      do {
        if let destination {
          try OutputFile.stream(to: destination) { output in
            try reporter.write(report, to: output)
            try output.write([0x0A])
          }
        } else {
          let output = try Console.standardOutput()
          try reporter.write(report, to: output)
          if output.written > 0 { try output.write([0x0A]) }
        }
      } catch {
        Console.error(error)
        throw ExitCode(2)
      }
      if name == GitHubReporter.identifier, let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"] {
        // The annotations GitHub shows are capped; the job summary gets every finding.
        let fd = open(summary, O_WRONLY | O_APPEND | O_CLOEXEC)
        if fd >= 0 {
          defer { close(fd) }
          let existing = Int(lseek(fd, 0, SEEK_END))
          if let table = GitHubReporter.stepSummary(report, existingBytes: max(0, existing)) {
            do {
              try OutputFile.writeAll(Array((table + "\n").utf8), to: fd, path: summary)
            } catch {
              Console.error(error)
              throw ExitCode(2)
            }
          } else {
            Console.warning(
              "\(summary): no room left in the job summary (GitHub's limit is 1 MiB); the table of findings is not written")
          }
        }
      }
    }
    if loader.failures > 0 { throw ExitCode(2) }
    if report.fails(at: threshold) { throw ExitCode(1) }
    if let maxWarnings, report.findings.count(where: { $0.severity == .warning && !$0.isProtection }) > maxWarnings {
      throw ExitCode(1)
    }
  }
}
