import Foundation

/// Why a document could not be read. Every case names the file, and where it can, the line.
public enum IngestError: Error, LocalizedError, Equatable, Sendable {
  case fileNotFound(path: String)
  case unreadable(path: String, reason: String)
  case noDocuments(path: String)
  case empty(path: String)
  case binary(path: String, reason: String)
  case tooLarge(path: String, bytes: Int, limit: Int)
  case invalidEncoding(path: String, line: Int, column: Int, reason: String)
  case malformed(path: String, line: Int, column: Int, reason: String)
  case unsafeMarkup(path: String, line: Int, reason: String)
  /// Elements nested deeper than the limit (`--max-depth`), at the line of the first too deep.
  case tooDeep(path: String, line: Int, limit: Int)
  case noVisibleText(path: String, reason: String)
  /// A `.docx` that cannot be read: not a ZIP, damaged, encrypted, not a Word document, or a
  /// part that unpacks past the size limit.
  case invalidDocx(path: String, reason: String)

  /// One line, whatever the file held: a name or a part with a line break in it (a ZIP entry
  /// named by a hostile archive) shows it as `\n`, so `file: …` readers see one error.
  public var errorDescription: String? { message.singleLine }

  private var message: String {
    switch self {
    case .fileNotFound(let path):
      return "\(path): no such file or directory"
    case .unreadable(let path, let reason):
      return "\(path): cannot be read: \(reason)"
    case .noDocuments(let path):
      return "\(path): directory holds no documents (\(DocumentFormat.extensionList))"
    case .empty(let path):
      return "\(path): file is empty: there is nothing to check"
    case .binary(let path, let reason):
      return "\(path): not a text document (\(reason))"
    case .tooLarge(let path, let bytes, let limit):
      // A stream read up to the limit: "100 MB is larger than the 100 MB limit" would puzzle.
      if Self.size(bytes) == Self.size(limit) {
        return "\(path): more than the \(Self.size(limit)) limit (\(Limits.howToRaise("max-size")))"
      }
      return "\(path): \(Self.size(bytes)) is larger than the \(Self.size(limit)) limit (\(Limits.howToRaise("max-size")))"
    case .invalidEncoding(let path, let line, let column, let reason):
      return "\(path):\(line):\(column): \(reason)"
    case .malformed(let path, let line, let column, let reason):
      return "\(path):\(line):\(column): \(reason)"
    case .unsafeMarkup(let path, let line, let reason):
      return "\(path):\(line): \(reason)"
    case .tooDeep(let path, let line, let limit):
      return "\(path):\(line): elements nested more than \(limit) deep (\(Limits.howToRaise("max-depth")))"
    case .noVisibleText(let path, let reason):
      return "\(path): nothing to check: \(reason)"
    case .invalidDocx(let path, let reason):
      return "\(path): not a readable Word document: \(reason)"
    }
  }

  /// A size as people read it: whole megabytes from 1 MB up, else bytes.
  static func size(_ bytes: Int) -> String {
    bytes >= 1_048_576 ? "\(bytes / 1_048_576) MB" : "\(bytes) bytes"
  }

  /// The file the error is about.
  public var path: String {
    switch self {
    case .fileNotFound(let path), .unreadable(let path, _), .noDocuments(let path), .empty(let path),
      .binary(let path, _), .tooLarge(let path, _, _), .invalidEncoding(let path, _, _, _),
      .malformed(let path, _, _, _), .unsafeMarkup(let path, _, _), .tooDeep(let path, _, _), .noVisibleText(let path, _),
      .invalidDocx(let path, _):
      return path
    }
  }
}
