import Foundation

/// Finds the documents named on a command line and reads their bytes, with limits.
public struct InputCollector: Sendable {
  /// Extensions a directory walk picks up.
  public static let documentExtensions: Set<String> = ["html", "htm", "xhtml", "xml", "txt", "md", "docx"]
  /// Larger inputs are refused rather than read into memory.
  public var maxBytes: Int

  public init(maxBytes: Int = 100 * 1_048_576) {
    self.maxBytes = maxBytes
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
    guard let walker = FileManager.default.enumerator(
      at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey], options: [.skipsHiddenFiles])
    else { return [] }
    var paths: [String] = []
    for case let url as URL in walker where Self.documentExtensions.contains(url.pathExtension.lowercased())
      && !Self.isProjectFile(url.lastPathComponent)
    {
      let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
      // A link to a file is read like the file (a folder of linked documents is common); links
      // to folders are not followed, so a link cannot send the walk round in a loop.
      let isLinkedFile = values?.isSymbolicLink == true
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

  /// Reads one file (standard input for `-`, a web page for an http(s) URL), refusing more than `maxBytes`.
  public func read(_ path: String) throws -> InputSource {
    if URLFetcher.isURL(path) { return try URLFetcher(maxBytes: maxBytes).fetch(path) }
    if path == "-" {
      var data = Data()
      while true {
        let chunk = FileHandle.standardInput.readData(ofLength: 1 << 20)
        if chunk.isEmpty { break }
        data.append(chunk)
        if data.count > maxBytes { throw IngestError.tooLarge(path: "-", bytes: data.count, limit: maxBytes) }
      }
      return InputSource(name: "-", bytes: [UInt8](data))
    }
    guard FileManager.default.fileExists(atPath: path) else { throw IngestError.fileNotFound(path: path) }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw IngestError.unreadable(path: path, reason: "permission denied")
    }
    defer { try? handle.close() }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    if size > maxBytes { throw IngestError.tooLarge(path: path, bytes: size, limit: maxBytes) }
    do {
      let data = try handle.readToEnd() ?? Data()
      if data.count > maxBytes { throw IngestError.tooLarge(path: path, bytes: data.count, limit: maxBytes) }
      return InputSource(name: path, bytes: [UInt8](data))
    } catch let error as IngestError {
      throw error
    } catch {
      throw IngestError.unreadable(path: path, reason: error.localizedDescription)
    }
  }
}
