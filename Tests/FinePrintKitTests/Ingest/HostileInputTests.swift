import Foundation
import Testing
@testable import FinePrintKit

/// Regression tests for the hostile inputs of issue 16: each builds its input here, small, and
/// checks that reading it is a clear error (or a correct reading), never a crash or a hang.
@Suite("Hostile input")
struct HostileInputTests {
  typealias B = DocxBuilder

  /// Ingests `bytes` as `name`; the error, if any, must be an `IngestError` naming the file on one line.
  @discardableResult
  private func read(_ bytes: [UInt8], name: String, maxBytes: Int = 100 * 1_048_576) -> Result<Document, IngestError> {
    do {
      return .success(try DocumentIngester(maxBytes: maxBytes).ingest(InputSource(name: name, bytes: bytes)))
    } catch let error as IngestError {
      #expect(error.path == name)
      #expect(error.errorDescription?.hasPrefix("\(name): ") == true)
      #expect(error.errorDescription?.contains("\n") == false)
      return .failure(error)
    } catch {
      Issue.record("\(name): not an IngestError: \(error)")
      return .failure(.unreadable(path: name, reason: "\(error)"))
    }
  }

  private func message(_ result: Result<Document, IngestError>) -> String? {
    if case .failure(let error) = result { return error.errorDescription }
    return nil
  }

  private static func setU32(_ bytes: inout [UInt8], at i: Int, _ value: UInt32) {
    for k in 0..<4 { bytes[i + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
  }

  /// Where the end-of-central-directory record starts.
  private static func endRecord(_ bytes: [UInt8]) throws -> Int {
    try #require((0...(bytes.count - 22)).reversed().first { bytes[$0..<($0 + 4)].elementsEqual([0x50, 0x4B, 0x05, 0x06]) })
  }

  // MARK: - ZIP directories that point outside the file (ZIPFoundation trapped: SIGILL)

  @Test("A ZIP whose central directory points past the end is an error under any name, not a crash")
  func centralDirectoryPastTheEnd() throws {
    var bytes = try B.docx(B.p("We may sell your data."))
    let end = try Self.endRecord(bytes)
    let size = Int(bytes[end + 12]) | Int(bytes[end + 13]) << 8
    Self.setU32(&bytes, at: end + 16, UInt32(bytes.count + 1_000))
    #expect(message(read(bytes, name: "terms.docx"))
      == "terms.docx: not a readable Word document: the ZIP archive is damaged or cut short (its central directory (offset \(bytes.count + 1_000), \(size) bytes) lies outside the file (\(bytes.count) bytes))")
    // Under other names, and with no name (standard input): the format sniffer opens every ZIP.
    for name in ["terms.txt", "terms.html", "terms.xml", "-", "terms"] {
      #expect(message(read(bytes, name: name)) != nil, "\(name)")
    }
    // A directory size that runs past the end.
    var long = try B.docx(B.p("We may sell your data."))
    Self.setU32(&long, at: try Self.endRecord(long) + 12, 0xFFFF_0000)
    #expect(message(read(long, name: "terms.docx"))?.contains("lies outside the file") == true)
  }

  @Test("A directory entry whose local header lies past the end is an error, not a crash")
  func localHeaderPastTheEnd() throws {
    var bytes = try B.docx(B.p("We may sell your data."))
    let record = try #require(B.directoryRecord("word/document.xml", in: bytes))
    Self.setU32(&bytes, at: record + 42, 0x4000_0000)
    #expect(message(read(bytes, name: "terms.docx"))
      == "terms.docx: not a readable Word document: the ZIP archive is damaged or cut short (its entry word/document.xml points past the end of the file)")
    #expect(message(read(bytes, name: "-")) != nil)
  }

  @Test("The minimal 300-byte hostile ZIP of the issue: a directory entry and an end record pointing nowhere")
  func tinyHostileZip() throws {
    // A local header, then an end record whose directory lies 2 GB away.
    var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26) + Array("word/document.xml".utf8)
    bytes += Array(repeating: 0x41, count: 300 - bytes.count - 22)
    var end: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0] + Array(repeating: 0, count: 10)
    Self.setU32(&end, at: 12, 46)
    Self.setU32(&end, at: 16, 0x7FFF_FFF0)
    bytes += end
    #expect(bytes.count == 300)
    for name in ["a.docx", "a.txt", "-"] { #expect(message(read(bytes, name: name)) != nil) }
  }

  @Test("Mutated .docx files (bit flips, byte changes, cuts) are read or refused, never a crash")
  func mutatedDocx() throws {
    let original = try B.docx(B.p("Terms", style: "Heading1") + B.p("We may sell your data to our partners.")
      + B.p("You waive any right to a jury trial."), styles: "")
    var generator = SplitMix(seed: 16)
    var refused = 0
    for round in 0..<300 {
      var bytes = original
      switch round % 3 {
      case 0:
        for _ in 0..<(1 + Int(generator.next() % 4)) {
          let i = Int(generator.next() % UInt64(bytes.count))
          bytes[i] ^= UInt8(1) << UInt8(generator.next() % 8)
        }
      case 1:
        // Header fields: sizes, offsets, name lengths in the local headers and the directory.
        let signatures = (0..<(bytes.count - 4)).filter { bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B }
        let at = signatures[Int(generator.next() % UInt64(signatures.count))] + 4 + Int(generator.next() % 42)
        if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: generator.next()) }
      default:
        bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count))))
      }
      if case .failure = read(bytes, name: "m\(round).docx") { refused += 1 }
    }
    #expect(refused > 0)
  }
}

/// A small seeded generator (SplitMix64), so mutation tests replay exactly.
struct SplitMix: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
