import Foundation

/// Writes to standard output and standard error.
enum Console {
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  static func error(_ error: Error) {
    let message = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    FileHandle.standardError.write(Data("fineprint: error: \(message)\n".utf8))
  }

  /// `--quiet`: warnings are not printed (errors always are).
  nonisolated(unsafe) static var quiet = false

  static func warning(_ message: String) {
    guard !quiet else { return }
    FileHandle.standardError.write(Data("fineprint: warning: \(message)\n".utf8))
  }
}
