import Foundation
import Testing
@testable import FinePrintKit

@Suite("Input collection and guarding: missing, empty, binary, huge files and directories")
struct InputCollectorTests {
  /// A fresh temporary directory, removed by the caller with `cleanUp`.
  private func makeTemporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("fineprint-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  private func cleanUp(_ directory: String) {
    try? FileManager.default.removeItem(atPath: directory)
  }

  private func write(_ bytes: [UInt8], to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
  }

  /// Reads and ingests `path` as the CLI does, returning the error it throws.
  private func ingestError(_ path: String, collector: InputCollector = InputCollector()) -> IngestError? {
    do {
      _ = try DocumentIngester().ingest(try collector.read(path))
      return nil
    } catch let error as IngestError {
      #expect(error.errorDescription?.contains(path) == true, "\(error) does not name \(path)")
      #expect(error.path == path)
      return error
    } catch {
      Issue.record("unexpected error \(error)")
      return nil
    }
  }

  // MARK: missing and empty

  @Test("A missing file is .fileNotFound, from expand and from read, naming the path")
  func missingFile() throws {
    let directory = try makeTemporaryDirectory()
    defer { cleanUp(directory) }
    let missing = directory + "/missing.txt"
    #expect(throws: IngestError.fileNotFound(path: missing)) { try InputCollector().expand([missing]) }
    #expect(ingestError(missing) == .fileNotFound(path: missing))
    #expect(IngestError.fileNotFound(path: missing).errorDescription == "\(missing): no such file or directory")
  }

  @Test("A directory without documents is .noDocuments")
  func directoryWithoutDocuments() throws {
    let directory = try makeTemporaryDirectory()
    defer { cleanUp(directory) }
    try write([0x89, 0x50, 0x4E, 0x47], to: directory + "/logo.png")
    try write(Array("hidden".utf8), to: directory + "/.draft.txt")
    try write(Array("in a hidden directory".utf8), to: directory + "/.git/notes.txt")
    do {
      _ = try InputCollector().expand([directory])
      Issue.record("expected .noDocuments")
    } catch let error as IngestError {
      #expect(error == .noDocuments(path: directory))
      #expect(error.errorDescription?.hasPrefix(directory + ": ") == true)
    }
  }

  @Test(
    "Empty and blank files are .empty",
    arguments: [
      [UInt8](),
      Array(" \n\t\r\n  \n".utf8),
      [0xEF, 0xBB, 0xBF],  // a UTF-8 byte-order mark and nothing else
      [0xEF, 0xBB, 0xBF, 0x20, 0x0A],
      [0xFF, 0xFE, 0x20, 0x00, 0x0A, 0x00],  // UTF-16 LE blanks
      Array("\u{0C}\u{0B} \u{00A0}\n".utf8),  // form feed, vertical tab, no-break space
    ])
  func emptyFiles(bytes: [UInt8]) throws {
    let directory = try makeTemporaryDirectory()
    defer { cleanUp(directory) }
    let path = directory + "/blank.txt"
    try write(bytes, to: path)
    #expect(ingestError(path) == .empty(path: path))
  }

  // MARK: binaries

  @Test("A PNG image is .binary")
  func png() throws {
    let directory = try makeTemporaryDirectory()
    defer { cleanUp(directory) }
    let path = directory + "/scan.txt"
    try write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], to: path)
    #expect(ingestError(path) == .binary(path: path, reason: "it is a PNG image"))
  }

  @Test("A file with NUL bytes is .binary, naming the offset")
  func nulBytes() throws {
    let directory = try makeTemporaryDirectory()
    defer { cleanUp(directory) }
    let path = directory + "/data.html"
    try write(Array("<p>We".utf8) + [0x00, 0x01] + Array(" sell</p>".utf8), to: path)
    #expect(ingestError(path) == .binary(path: path, reason: "NUL byte at offset 5"))
  }

  @Test("UTF-16 text, whose bytes hold NULs, is not binary")
  func utf16IsNotBinary() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "We sell data.".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let document = try DocumentIngester().ingest(InputSource(name: "u.txt", bytes: bytes))
    #expect(document.text == "We sell data.")
  }

  // MARK: size

  @Test("A 200 MB file is .tooLarge, found from its size without reading it")
  func tooLarge() throws {
    let directory = try makeTemporaryDirectory()
    defer { cleanUp(directory) }
    let path = directory + "/huge.txt"
    #expect(FileManager.default.createFile(atPath: path, contents: Data("We sell data.\n".utf8)))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 200 * 1_048_576)  // sparse: no blocks written
    try handle.close()

    let clock = ContinuousClock()
    var error: IngestError?
    let elapsed = clock.measure { error = ingestError(path) }
    #expect(error == .tooLarge(path: path, bytes: 200 * 1_048_576, limit: 100 * 1_048_576))
    #expect(elapsed < .milliseconds(500))
    #expect(
      error?.errorDescription
        == "\(path): 200 MB is larger than the 100 MB limit (raise it with --max-size, or max_size under limits in .fineprint.yml)"
    )
  }

  @Test("The limit is configurable and a file at the limit is read")
  func configurableLimit() throws {
    let directory = try makeTemporaryDirectory()
    defer { cleanUp(directory) }
    let path = directory + "/small.txt"
    try write(Array("0123456789".utf8), to: path)
    #expect(try InputCollector(maxBytes: 10).read(path).bytes.count == 10)
    #expect(ingestError(path, collector: InputCollector(maxBytes: 9)) == .tooLarge(path: path, bytes: 10, limit: 9))
    #expect(
      IngestError.tooLarge(path: path, bytes: 10, limit: 9).errorDescription
        == "\(path): 10 bytes is larger than the 9 bytes limit (raise it with --max-size, or max_size under limits in .fineprint.yml)"
    )
  }

  // MARK: directories

  @Test("A directory walk picks documents by extension, sorted, skipping hidden files")
  func directoryWalk() throws {
    let directory = try makeTemporaryDirectory()
    defer { cleanUp(directory) }
    for name in [
      "b.txt", "a.html", "sub/c.md", "sub/deep/d.XML", "e.htm", "f.xhtml", "A-upper.txt",
      ".hidden.txt", ".git/config.txt", "logo.png", "notes.pdf", "script.js", "README",
    ] {
      try write(Array("We sell data.".utf8), to: directory + "/" + name)
    }
    // A directory whose name looks like a document is not one.
    try FileManager.default.createDirectory(atPath: directory + "/folder.txt", withIntermediateDirectories: true)

    let expected = ["A-upper.txt", "a.html", "b.txt", "e.htm", "f.xhtml", "sub/c.md", "sub/deep/d.XML"]
    #expect(try InputCollector().expand([directory]) == expected.map { directory + "/" + $0 })
    #expect(try InputCollector().expand([directory + "/"]) == expected.map { directory + "/" + $0 })
  }

  @Test("A folder walk picks up every extension a named file is read by, and no other")
  func walkMatchesNamedFiles() throws {
    let directory = try makeTemporaryDirectory()
    defer { cleanUp(directory) }
    let read = DocumentFormat.allCases.flatMap(\.extensions)
    #expect(read.contains("akn") && read.contains("markdown") && read.contains("docm"))
    for ext in read + ["pdf", "rtf"] { try write(Array("We sell data.".utf8), to: directory + "/doc." + ext) }
    let walked = try InputCollector().expand([directory]).map { URL(fileURLWithPath: $0).pathExtension }
    #expect(Set(walked) == Set(read))
    #expect(read.allSatisfy { FormatSniffer.format(forExtension: $0) != nil })
  }

  @Test("A link to a document is collected like the document; a link to a folder is not followed")
  func symbolicLinks() throws {
    let directory = try makeTemporaryDirectory()
    let elsewhere = try makeTemporaryDirectory()
    defer {
      cleanUp(directory)
      cleanUp(elsewhere)
    }
    try write(Array("We sell data.".utf8), to: elsewhere + "/terms.txt")
    try write(Array("We sell data.".utf8), to: elsewhere + "/inner/policy.html")
    try write(Array("We sell data.".utf8), to: directory + "/own.txt")
    let manager = FileManager.default
    try manager.createSymbolicLink(atPath: directory + "/linked.txt", withDestinationPath: elsewhere + "/terms.txt")
    try manager.createSymbolicLink(atPath: directory + "/dangling.txt", withDestinationPath: elsewhere + "/missing.txt")
    try manager.createSymbolicLink(atPath: directory + "/folder", withDestinationPath: elsewhere + "/inner")
    // A link back to the folder itself would loop if links to folders were followed.
    try manager.createSymbolicLink(atPath: directory + "/loop", withDestinationPath: directory)
    #expect(try InputCollector().expand([directory]) == ["linked.txt", "own.txt"].map { directory + "/" + $0 })
  }

  @Test("Arguments keep their order; - stands for standard input; files are taken whatever their extension")
  func argumentOrder() throws {
    let directory = try makeTemporaryDirectory()
    defer { cleanUp(directory) }
    try write(Array("We sell data.".utf8), to: directory + "/z.txt")
    try write(Array("We sell data.".utf8), to: directory + "/docs/a.html")
    try write(Array("We sell data.".utf8), to: directory + "/terms.rtf")
    let expanded = try InputCollector().expand([directory + "/z.txt", "-", directory + "/docs", directory + "/terms.rtf"])
    #expect(expanded == [directory + "/z.txt", "-", directory + "/docs/a.html", directory + "/terms.rtf"])
  }

  @Test(
    "- is read by the reader the caller gives, with the size limit; without one it is an error, not the process's standard input")
  func standardInputIsInjected() throws {
    #expect(ingestError("-") == .unreadable(path: "-", reason: "no standard input was given"))
    // The reader gives as many bytes as it may: the count shows the limit it was given.
    let collector = InputCollector(maxBytes: 42) { limit in Array(repeating: UInt8(ascii: "a"), count: limit) }
    let source = try collector.read("-")
    #expect(source.name == "-" && source.bytes.count == 42)
    let tooLarge = InputCollector(maxBytes: 3) { limit in throw IngestError.tooLarge(path: "-", bytes: limit + 1, limit: limit) }
    #expect(ingestError("-", collector: tooLarge) == .tooLarge(path: "-", bytes: 4, limit: 3))
  }

  @Test("A descriptor is read to its end within the limit")
  func descriptorRead() throws {
    let directory = try makeTemporaryDirectory()
    defer { cleanUp(directory) }
    try write(Array(repeating: UInt8(ascii: "a"), count: 10), to: directory + "/ten.txt")
    let fd = open(directory + "/ten.txt", O_RDONLY)
    #expect(fd >= 0)
    defer { close(fd) }
    #expect(try InputCollector.read(descriptor: fd, name: "ten", limit: 10).count == 10)
    _ = lseek(fd, 0, SEEK_SET)
    #expect(throws: IngestError.tooLarge(path: "ten", bytes: 10, limit: 9)) {
      try InputCollector.read(descriptor: fd, name: "ten", limit: 9)
    }
  }

  @Test("A relative directory keeps the spelling the user gave")
  func relativeDirectory() throws {
    let directory = try makeTemporaryDirectory()
    defer { cleanUp(directory) }
    try write(Array("We sell data.".utf8), to: directory + "/docs/a.txt")
    let previous = FileManager.default.currentDirectoryPath
    // The working directory is process-wide; only this test changes it, and restores it.
    #expect(FileManager.default.changeCurrentDirectoryPath(directory))
    defer { FileManager.default.changeCurrentDirectoryPath(previous) }
    #expect(try InputCollector().expand(["docs"]) == ["docs/a.txt"])
    #expect(try InputCollector().expand(["./docs"]) == ["./docs/a.txt"])
  }

  @Test("Every error message names the file")
  func messagesNameTheFile() {
    let path = "some dir/terms.txt"
    let errors: [IngestError] = [
      .fileNotFound(path: path), .unreadable(path: path, reason: "permission denied"), .noDocuments(path: path),
      .empty(path: path), .binary(path: path, reason: "it is a PNG image"),
      .tooLarge(path: path, bytes: 3, limit: 2), .invalidEncoding(path: path, line: 1, column: 2, reason: "bad"),
      .malformed(path: path, line: 3, column: 4, reason: "unclosed tag"), .unsafeMarkup(path: path, line: 5, reason: "entity"),
    ]
    for error in errors {
      #expect(error.errorDescription?.hasPrefix(path + ":") == true)
      #expect(error.errorDescription?.contains("\n") == false)
    }
  }
}
