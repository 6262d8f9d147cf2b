import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes to standard output and standard error with the system's `write`, checked: a report
/// that cannot be written (standard output closed, on a full disk) is a one-line error and exit
/// status 2, not a silent success nor a crash (Foundation's `FileHandle` traps on a closed
/// descriptor and ignores a full disk).
enum Console {
  static func out(_ text: String) {
    write(text + "\n")
  }

  /// Whether standard output was closed when the program started (it is `/dev/null` now).
  nonisolated(unsafe) static var standardOutputClosed = false

  /// Writes `text` as it is to standard output; exits with status 2 when it cannot.
  static func write(_ text: String) {
    if standardOutputClosed {
      Console.error(OutputFile.Failure(path: "standard output", reason: "it is closed"))
      exit(2)
    }
    do {
      try OutputFile.writeAll(Array(text.utf8), to: STDOUT_FILENO, path: "standard output")
    } catch {
      Console.error(error)
      exit(2)
    }
  }

  /// Standard output for a report written as it is rendered.
  /// - Throws: `OutputFile.Failure` when standard output was closed.
  static func standardOutput() throws -> OutputFile.Output {
    if standardOutputClosed { throw OutputFile.Failure(path: "standard output", reason: "it is closed") }
    return OutputFile.Output(fd: STDOUT_FILENO, path: "standard output")
  }

  static func error(_ error: Error) {
    let message = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    standardError("fineprint: error: \(message)\n")
  }

  /// `--quiet`: warnings are not printed (errors always are).
  nonisolated(unsafe) static var quiet = false

  static func warning(_ message: String) {
    guard !quiet else { return }
    standardError("fineprint: warning: \(message)\n")
  }

  /// Standard error is where failures are told: if it cannot be written either, there is no one
  /// left to tell, and the exit status says it.
  static func standardError(_ text: String) {
    try? OutputFile.writeAll(Array(text.utf8), to: STDERR_FILENO, path: "standard error")
  }
}
