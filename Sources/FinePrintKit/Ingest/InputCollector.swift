import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the documents named on a command line and reads their bytes, with limits. It reads
/// no standard input of its own: `-` is read by the `standardInput` its caller gives.
public struct InputCollector: Sendable {
  /// Reads what `-` names, at most `limit` bytes (more is `IngestError.tooLarge`).
  public typealias StandardInputReader = @Sendable (_ limit: Int) throws -> [UInt8]

  /// Extensions a directory walk picks up: every one a named file is read by.
  public static let documentExtensions = Set(DocumentFormat.allCases.flatMap(\.extensions))
  /// Larger inputs are refused rather than read into memory.
  public var maxBytes: Int
  /// Reads `-`: the command line passes its standard input (`read(descriptor:name:limit:)` of
  /// descriptor 0). Nil: `-` is an error.
  public var standardInput: StandardInputReader?

  public init(maxBytes: Int = 100 * 1_048_576, standardInput: StandardInputReader? = nil) {
    self.maxBytes = maxBytes
    self.standardInput = standardInput
  }

  /// The files to read for each argument, in order: a file as given, a directory's documents
  /// sorted by path, `-` for standard input.
  /// - Throws: `IngestError.fileNotFound` or `.noDocuments` naming the argument.
  public func expand(_ arguments: [String]) throws -> [String] {
    var out: [String] = []
    for argument in arguments {
      if argument == "-" || URLFetcher.isURL(argument) {
        out.append(argument)
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
        throw IngestError.fileNotFound(path: argument)
      }
      guard isDirectory.boolValue else {
        out.append(argument)
        continue
      }
      let found = documents(under: argument)
      if found.isEmpty { throw IngestError.noDocuments(path: argument) }
      out.append(contentsOf: found)
    }
    return out
  }

  private func documents(under directory: String) -> [String] {
    let root = URL(fileURLWithPath: directory)
    guard
      let walker = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey], options: [.skipsHiddenFiles])
    else { return [] }
    var paths: [String] = []
    for case let url as URL in walker
    where Self.documentExtensions.contains(url.pathExtension.lowercased())
      && !Self.isProjectFile(url.lastPathComponent)
    {
      let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
      // A link to a file is read like the file (a folder of linked documents is common); links
      // to folders are not followed, so a link cannot send the walk round in a loop.
      let isLinkedFile =
        values?.isSymbolicLink == true
        && (try? url.resolvingSymlinksInPath().resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
      if values?.isRegularFile == true || isLinkedFile {
        let relative = url.path.hasPrefix(root.path) ? String(url.path.dropFirst(root.path.count)) : url.path
        paths.append((directory.hasSuffix("/") ? String(directory.dropLast()) : directory) + relative)
      }
    }
    return paths.sorted()
  }

  /// A folder's README or CHANGELOG describes the folder; it is not one of its documents. Named
  /// on the command line, it is read like any file.
  static func isProjectFile(_ name: String) -> Bool {
    let stem = name.split(separator: ".").first.map { $0.uppercased() } ?? ""
    return ["README", "CHANGELOG", "LICENSE", "CONTRIBUTING"].contains(stem)
  }

  /// How long a named pipe (FIFO) given as a path may wait for a writer, or stay silent, before
  /// reading it is an error.
  public var pipeTimeout: Int32 = 30

  /// Reads one file (`standardInput` for `-`, a web page for an http(s) URL), refusing more than
  /// `maxBytes`. Bytes are read with the limit as they arrive, whatever the file is: a device
  /// such as `/dev/zero` stops at the limit; a FIFO that no one opens for writing, or whose
  /// writer stays silent, is an error after `pipeTimeout` seconds.
  public func read(_ path: String) throws -> InputSource {
    if URLFetcher.isURL(path) { return try URLFetcher(maxBytes: maxBytes).fetch(path) }
    if path == "-" {
      guard let standardInput else { throw IngestError.unreadable(path: "-", reason: "no standard input was given") }
      return InputSource(name: "-", bytes: try standardInput(maxBytes))
    }
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT || errno == ENOTDIR { throw IngestError.fileNotFound(path: path) }
      throw IngestError.unreadable(path: path, reason: Self.reason(errno))
    }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR { throw IngestError.unreadable(path: path, reason: "it is a directory") }
    let size = Int(info.st_size)
    if type == S_IFREG && size > maxBytes { throw IngestError.tooLarge(path: path, bytes: size, limit: maxBytes) }
    // Opening a FIFO for reading waits for a writer, maybe forever: it is opened and read
    // without waiting, and `readAll` gives up after `pipeTimeout` seconds without a writer or data.
    let isPipe = type == S_IFIFO
    let fd = open(path, O_RDONLY | O_CLOEXEC | (isPipe ? O_NONBLOCK : 0))
    guard fd >= 0 else { throw IngestError.unreadable(path: path, reason: Self.reason(errno)) }
    defer { close(fd) }
    let bytes = try Self.readAll(
      fd, name: path, limit: maxBytes, expected: type == S_IFREG ? size : 0,
      pipeTimeout: isPipe ? pipeTimeout : nil)
    return InputSource(name: path, bytes: bytes)
  }

  /// Reads an open descriptor (a pipe, a terminal, a file) to its end, refusing more than `limit`
  /// bytes as soon as they arrive: how the command line reads its standard input.
  /// - Throws: `IngestError` naming `name`.
  public static func read(descriptor fd: Int32, name: String, limit: Int) throws -> [UInt8] {
    try readAll(fd, name: name, limit: limit)
  }

  /// Reads `fd` to its end, refusing more than `limit` bytes as soon as they arrive.
  /// - Parameters:
  ///   - expected: the size to reserve room for (a regular file's size), 0 when unknown.
  ///   - pipeTimeout: for a FIFO opened with `O_NONBLOCK`, the seconds to wait for a writer to
  ///     open it and, once one has, for each chunk; nil for a descriptor that blocks.
  static func readAll(_ fd: Int32, name: String, limit: Int, expected: Int = 0, pipeTimeout: Int32? = nil) throws -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(expected, limit) + 1)
    var chunk = [UInt8](repeating: 0, count: expected > 0 ? min(expected + 1, 1 << 20) : 1 << 16)
    // A FIFO read without waiting says "end of file" until a writer opens it, then "try again"
    // while the writer is silent.
    var writerSeen = false
    let start = ContinuousClock.now
    while true {
      let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        let code = errno
        if code == EINTR { continue }
        if let timeout = pipeTimeout, code == EAGAIN || code == EWOULDBLOCK {
          writerSeen = true
          var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
          if poll(&request, 1, timeout * 1000) == 0 {
            throw IngestError.unreadable(
              path: name, reason: "nothing arrived for \(timeout) seconds (a named pipe whose writer is silent)")
          }
          continue
        }
        throw IngestError.unreadable(path: name, reason: reason(code))
      }
      if count == 0 {
        guard let timeout = pipeTimeout, !writerSeen else { return bytes }
        if ContinuousClock.now - start > .seconds(Int(timeout)) {
          throw IngestError.unreadable(
            path: name, reason: "it is a named pipe (FIFO) that no one wrote to for \(timeout) seconds")
        }
        usleep(20_000)
        continue
      }
      writerSeen = true
      if count > limit - bytes.count {
        throw IngestError.tooLarge(path: name, bytes: bytes.count + count, limit: limit)
      }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }

  /// The system's reason for an error number, as people read it ("permission denied").
  private static func reason(_ code: Int32) -> String {
    if code == EACCES { return "permission denied" }
    if code == EISDIR { return "it is a directory" }
    return String(cString: strerror(code))
  }
}

/// The system's `read(2)` (inside `InputCollector`, `read` names its own method).
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
