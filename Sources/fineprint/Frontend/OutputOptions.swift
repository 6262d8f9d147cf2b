import ArgumentParser
import Foundation
import FinePrintKit

/// How output is shown: colour, and how much besides the findings.
struct OutputOptions: ParsableArguments {
  @Option(help: "Colour text output: auto (on a terminal, unless NO_COLOR is set and not empty), always or never.")
  var color: ColorChoice = .auto

  @Flag(name: .shortAndLong, help: "Print only findings and errors: no warnings, progress bar or closing total.")
  var quiet = false

  /// Whether output to standard output (or to a file, when `toFile`) is coloured.
  func colored(toFile: Bool = false) -> Bool {
    color.enabled(isTerminal: !toFile && isatty(1) != 0, environment: ProcessInfo.processInfo.environment)
  }
}

extension ColorChoice: ExpressibleByArgument {}
extension FailThreshold: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
