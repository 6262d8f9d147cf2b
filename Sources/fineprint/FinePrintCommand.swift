import ArgumentParser
import FinePrintKit
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
    subcommands: [Lint.self, Summarize.self, Clauses.self, Classify.self, Rules.self, Explain.self, Diff.self, Init.self],
    defaultSubcommand: Lint.self
  )

  /// Runs the command; usage errors exit with 2 (FinePrint's documented code), not 64.
  static func main() {
    guardStandardStreams()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        Console.standardError(fullMessage(for: error) + "\n")
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }

  /// A standard stream closed by the caller (`<&-`, `>&-`) gets `/dev/null` in its place, so
  /// that no file opened later takes its number (a report written into an input, an input read
  /// as standard input); reading `-` or writing a report to a closed stream is then a one-line
  /// error, not a crash.
  private static func guardStandardStreams() {
    for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
      let opened = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY)
      if opened >= 0 && opened != fd {
        dup2(opened, fd)
        close(opened)
      }
      if fd == STDIN_FILENO { StandardInput.closed = true }
      if fd == STDOUT_FILENO { Console.standardOutputClosed = true }
    }
  }
}
