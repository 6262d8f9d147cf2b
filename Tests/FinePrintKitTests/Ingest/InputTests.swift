import Foundation
import Testing
@testable import FinePrintKit

@Suite("Reading inputs: encodings and bad input")
struct InputTests {
  @Test("UTF-8 with BOM, UTF-16 LE and BE with BOM, CRLF: same text, same positions")
  func encodings() throws {
    let text = "Line one.\r\nWe may sell 😀 data."
    let utf8 = Array(text.utf8)
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + utf8
    let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
    for bytes in [utf8, bom, le, be] {
      let doc = try DocumentIngester().ingest(InputSource(name: "a.txt", bytes: bytes))
      #expect(doc.text == text)
      let offset = Array(doc.text.utf8).count - "data.".utf8.count
      let span = doc.span(of: offset..<(offset + 4))
      #expect(span.start.line == 2 && span.start.column == 15, "column after an emoji counts it once")
    }
  }

  @Test("Every byte of Windows-1252 reads as its character (the five it leaves undefined as C1 controls)")
  func windows1252Table() {
    let decoded = String(decoding: TextDecoding.windows1252((0...255).map(UInt8.init)), as: UTF8.self)
    let expected = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ"
    #expect(Array(decoded.unicodeScalars.prefix(128)) == (0..<128).map { Unicode.Scalar(UInt8($0)) })
    #expect(String(String.UnicodeScalarView(decoded.unicodeScalars.dropFirst(128).prefix(32))) == expected)
    #expect(Array(decoded.unicodeScalars.dropFirst(160)) == (160...255).map { Unicode.Scalar(UInt8($0)) })
  }

  @Test("Invalid UTF-8 is read as Windows-1252, with a warning, and columns stay right")
  func invalidUTF8() throws {
    let bytes = Array("Caf".utf8) + [0xE9] + Array(" we sell.".utf8)
    let doc = try DocumentIngester().ingest(InputSource(name: "old.txt", bytes: bytes))
    #expect(doc.text == "Café we sell.")
    #expect(doc.warnings == ["old.txt: not valid UTF-8; read as Windows-1252"])
    let offset = Array(doc.text.utf8).count - "sell.".utf8.count
    #expect(doc.span(of: offset..<(offset + 4)).start.column == 9)
  }

  @Test(
    "Format: from the extension, unless the content says otherwise",
    arguments: [
      ("a.txt", "<html><body><p>x</p></body></html>", DocumentFormat.html),
      ("a.html", "Just text, no markup at all.", .plainText),
      ("-", "<?xml version=\"1.0\"?><terms/>", .xml),
      ("noext", "Privacy Policy <br> <br> We <strong>sell</strong> data.", .html),
      ("a.xml", "<?xml version=\"1.0\"?><html><body>x</body></html>", .html),
      ("a.md", "# Terms\n\nWe sell data.", .plainText),
    ])
  func sniffing(name: String, content: String, expected: DocumentFormat) {
    #expect(FormatSniffer.resolve(InputSource(name: name, bytes: Array(content.utf8))) == expected)
  }

  @Test("Bad inputs give an error that names the file")
  func badInputs() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let collector = InputCollector()
    let missing = dir.appendingPathComponent("missing.txt").path
    #expect(throws: IngestError.fileNotFound(path: missing)) { try collector.expand([missing]) }
    let emptyDir = dir.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: emptyDir, withIntermediateDirectories: true)
    try Data("not a document".utf8).write(to: emptyDir.appendingPathComponent("notes.pdfx"))
    #expect(throws: IngestError.noDocuments(path: emptyDir.path)) { try collector.expand([emptyDir.path]) }
    let cases: [(String, [UInt8])] = [
      ("empty.txt", []), ("blank.txt", Array("  \n\n \t".utf8)),
      ("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]), ("nul.txt", Array("abc".utf8) + [0, 1, 2] + Array("def".utf8)),
    ]
    for (name, bytes) in cases {
      let url = dir.appendingPathComponent(name)
      try Data(bytes).write(to: url)
      let source = try collector.read(url.path)
      #expect {
        try DocumentIngester().ingest(source)
      } throws: { error in
        (error as? IngestError)?.errorDescription?.contains(url.path) == true
      }
    }
  }

  @Test("A 200 MB file is refused by its size, without reading it")
  func hugeFile() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("huge.txt")
    FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 200 * 1_048_576)  // sparse: no 200 MB written
    try handle.close()
    #expect(throws: IngestError.tooLarge(path: url.path, bytes: 200 * 1_048_576, limit: 100 * 1_048_576)) {
      try InputCollector().read(url.path)
    }
  }

  @Test("A directory yields its documents, sorted, skipping hidden files and other extensions")
  func directoryWalk() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in ["b.html", "a.txt", "c.xml", "d.png", ".hidden.txt", "sub/e.md"] {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("x".utf8).write(to: url)
    }
    let found = try InputCollector().expand([dir.path]).map { URL(fileURLWithPath: $0).lastPathComponent }
    #expect(found == ["a.txt", "b.html", "c.xml", "e.md"])
  }
}
