import Foundation

/// Why a document that was read could not be linted.
public enum LintError: Error, LocalizedError, Equatable, Sendable {
  /// The document took longer than its time budget (`Limits.timeoutSeconds`); `line` is where
  /// the first clause not yet matched starts, the likely place of what is slow (nil when the
  /// budget ran out before any clause was matched).
  case timedOut(path: String, seconds: Int, line: Int?)

  public var errorDescription: String? {
    switch self {
    case .timedOut(let path, let seconds, let line):
      let limit = "more than \(seconds) second\(seconds == 1 ? "" : "s")"
      guard let line else {
        return "\(path): took \(limit) before its clauses could be matched (\(Limits.howToRaise("timeout")))"
      }
      return "\(path):\(line): took \(limit); stopped at the clause on this line (\(Limits.howToRaise("timeout")))"
    }
  }

  /// The document the error is about.
  public var path: String {
    switch self {
    case .timedOut(let path, _, _): return path
    }
  }
}
