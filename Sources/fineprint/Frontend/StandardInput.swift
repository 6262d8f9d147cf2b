import FinePrintKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The command line's standard input, which `-` names: the library reads none of its own, and
/// every reader of inputs the command line makes is given this one.
enum StandardInput {
  /// Whether standard input was closed when the program started. `FinePrintCommand` then puts
  /// `/dev/null` on descriptor 0, so that no file opened later takes its number and is read as
  /// standard input; reading `-` is an error that says so.
  nonisolated(unsafe) static var closed = false

  /// Standard input's bytes, at most `limit`.
  /// - Throws: `IngestError` naming `-` (closed, too large, unreadable).
  @Sendable static func read(limit: Int) throws -> [UInt8] {
    if closed || (fcntl(STDIN_FILENO, F_GETFD) == -1 && errno == EBADF) {
      throw IngestError.unreadable(path: "-", reason: "standard input is closed")
    }
    return try InputCollector.read(descriptor: STDIN_FILENO, name: "-", limit: limit)
  }
}

extension InputCollector {
  /// A reader of the command line's inputs: files, folders, URLs and `-` for standard input.
  static func commandLine(maxBytes: Int = Limits().maxBytes) -> InputCollector {
    InputCollector(maxBytes: maxBytes, standardInput: StandardInput.read)
  }
}
