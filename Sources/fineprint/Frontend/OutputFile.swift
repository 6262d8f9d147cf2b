import Foundation
import FinePrintKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes reports with every write checked. Foundation's `FileHandle.write` ignores a full disk
/// (`> /dev/full` exited 1 with no message: the user believed a report was written) and traps
/// on a closed descriptor; `String.write(toFile:atomically:)` replaced a device, a FIFO or a
/// symbolic link given to `--output` with a regular file (`--output /dev/full` as root deleted
/// the device).
enum OutputFile {
  /// A write that failed: what was being written, and the system's reason.
  struct Failure: Error, LocalizedError {
    var path: String
    var reason: String
    var errorDescription: String? { "cannot write \(path): \(reason)" }
  }

  /// A file or stream a report is written into as it is rendered; `written` counts its bytes.
  final class Output: ReportOutput {
    let fd: Int32
    let path: String
    private(set) var written = 0

    init(fd: Int32, path: String) {
      self.fd = fd
      self.path = path
    }

    func write(_ bytes: [UInt8]) throws {
      try OutputFile.writeAll(bytes, to: fd, path: path)
      written += bytes.count
    }
  }

  /// Writes `text` to `path` (see `stream`).
  static func write(_ text: String, to path: String) throws {
    try stream(to: path) { try $0.write(Array(text.utf8)) }
  }

  /// Lets `body` write to `path`. A regular file (or a new one) is replaced atomically: written
  /// beside it and renamed over it once `body` is done, so a failed write leaves the old report
  /// whole. Anything else — a symbolic link, a device such as `/dev/stdout`, a FIFO — is written
  /// through, never replaced. A directory is refused.
  /// - Throws: `Failure` naming `path` with the reason (for a full disk, "No space left on
  ///   device"), or what `body` throws.
  static func stream(to path: String, _ body: (Output) throws -> Void) throws {
    var link = stat()
    let exists = lstat(path, &link) == 0
    if !exists && errno != ENOENT { throw failure(path) }
    if exists && (link.st_mode & S_IFMT) == S_IFDIR { throw Failure(path: path, reason: "it is a directory") }
    if !exists || (link.st_mode & S_IFMT) == S_IFREG {
      if try writeAtomically(to: path, mode: exists ? link.st_mode & 0o7777 : nil, body) { return }
    }
    // Write through: a link to a regular file replaces that file's content; a device or FIFO
    // receives the bytes (opening a FIFO waits for its reader, as `cat > fifo` does).
    var target = stat()
    let found = stat(path, &target) == 0
    if found && (target.st_mode & S_IFMT) == S_IFDIR { throw Failure(path: path, reason: "it links to a directory") }
    let targetIsRegular = found && (target.st_mode & S_IFMT) == S_IFREG
    let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (targetIsRegular ? O_TRUNC : 0), 0o666)
    guard fd >= 0 else { throw failure(path) }
    do {
      try body(Output(fd: fd, path: path))
    } catch {
      close(fd)
      throw error
    }
    if close(fd) != 0 { throw failure(path) }
  }

  /// Lets `body` write a new file beside `path` and renames it over `path`. Returns false when
  /// no file can be created there (a folder one may not write in), for the caller to write in place.
  private static func writeAtomically(to path: String, mode: mode_t?, _ body: (Output) throws -> Void) throws -> Bool {
    let url = URL(fileURLWithPath: path)
    var template = Array((url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).fineprint-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { return false }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    do {
      // mkstemp makes the file 0600; a report is as readable as any file the user creates.
      if let mode {
        fchmod(fd, mode)
      } else {
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
      }
      try body(Output(fd: fd, path: path))
    } catch {
      close(fd)
      unlink(temporary)
      throw error
    }
    if close(fd) != 0 {
      let error = failure(path)
      unlink(temporary)
      throw error
    }
    if rename(temporary, path) != 0 {
      let error = failure(path)
      unlink(temporary)
      throw error
    }
    return true
  }

  /// Writes all of `bytes` to `fd`, retrying short writes and interruptions.
  static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw failure(path)
      }
      if written == 0 { throw Failure(path: path, reason: "nothing could be written") }
      offset += written
    }
  }

  private static func failure(_ path: String) -> Failure {
    Failure(path: path, reason: String(cString: strerror(errno)))
  }
}

/// The system's `write(2)` (inside `OutputFile`, `write` names its own method).
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, bytes, count)
}
