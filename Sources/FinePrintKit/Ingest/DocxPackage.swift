import Foundation
import ZIPFoundation

/// The ZIP archive a `.docx` is, opened in memory: finds its parts and unpacks them with a
/// limit, so that a damaged archive, a ZIP that is not a Word document, an encrypted file or a
/// ZIP bomb is a one-line `IngestError`, never a crash or a hang.
///
/// `ZipDirectory` reads the archive's directory, checking every offset against the bytes
/// (ZIPFoundation's `Archive` crashed on a directory that points past the end). ZIPFoundation
/// does not unpack the parts either: its `extract` (0.9.20) reads on past the part's end and, on
/// a truncated deflate stream, waits forever for more input at the end of the data. So the
/// part's bytes are located here, and inflated from exactly those bytes.
struct DocxPackage {
  /// The part that holds the document's body, where no relationship says otherwise.
  static let documentPart = "word/document.xml"

  private static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
  /// OLE2 compound files: Word 97–2003 `.doc`, and password-protected Office files.
  private static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  private let name: String
  private let bytes: [UInt8]
  private let archive: ZipDirectory
  /// Unpacked parts larger than this are refused (the `--max-size` limit).
  let maxBytes: Int

  /// Opens the archive and checks that it holds a Word document.
  /// - Throws: `IngestError.invalidDocx` naming `name`, saying what the bytes are instead.
  init(name: String, bytes: [UInt8], maxBytes: Int) throws {
    self.name = name
    self.bytes = bytes
    self.maxBytes = maxBytes
    if bytes.starts(with: Self.compoundFileSignature) {
      throw IngestError.invalidDocx(
        path: name,
        reason: Self.isEncryptedPackage(bytes)
          ? "it is password-protected (an encrypted Office file); remove the password in Word and save it again"
          : "it is a Word 97–2003 document (.doc), not a .docx; save it as .docx")
    }
    guard bytes.starts(with: Self.zipSignature) else {
      throw IngestError.invalidDocx(path: name, reason: "it is not a ZIP archive, as every .docx is")
    }
    do {
      archive = try ZipDirectory(bytes)
    } catch let damage as ZipDirectory.Damage {
      throw IngestError.invalidDocx(path: name, reason: "the ZIP archive is damaged or cut short (\(damage.reason))")
    }
  }

  /// The path of the part that holds the document's body: the target of the package's
  /// `officeDocument` relationship when it is a Word part (Word Online writes
  /// `word/document2.xml`), else `word/document.xml`.
  /// - Throws: `IngestError.invalidDocx` when there is none, saying what the archive seems to be.
  func documentPath() throws -> String {
    if let target = officeDocumentTarget(), target.hasPrefix("word/"), archive[target] != nil { return target }
    if archive[Self.documentPart] != nil { return Self.documentPart }
    if Self.localHeader(named: Self.documentPart, in: bytes)?.isEncrypted == true {
      throw IngestError.invalidDocx(path: name, reason: "its parts are encrypted; save it again without a password")
    }
    throw IngestError.invalidDocx(path: name, reason: "the ZIP archive has no \(Self.documentPart)\(whatElse())")
  }

  /// Whether `bytes` are a ZIP archive that holds a Word document's body: the content of a
  /// `.docx`, whatever the file is called.
  static func isDocx(_ bytes: [UInt8]) -> Bool {
    guard bytes.starts(with: zipSignature), let package = try? DocxPackage(name: "-", bytes: bytes, maxBytes: 1 << 20) else {
      return false
    }
    return (try? package.documentPath()) != nil
  }

  /// The target of the `officeDocument` relationship in `_rels/.rels`, as a path in the archive.
  private func officeDocumentTarget() -> String? {
    guard let rels = try? part("_rels/.rels") else { return nil }
    let reader = RelationshipReader()
    _ = NamespacedXMLParser.parse(rels, into: reader)
    guard var target = reader.officeDocument else { return nil }
    while target.hasPrefix("/") { target.removeFirst() }
    return target
  }

  /// Whether `bytes` are in a container that a `.docx` may turn out to be: a ZIP archive, or an
  /// OLE2 compound file (an encrypted `.docx`, or a `.doc` renamed).
  static func isContainer(_ bytes: [UInt8]) -> Bool {
    bytes.starts(with: zipSignature) || bytes.starts(with: compoundFileSignature)
  }

  /// The unpacked bytes of a part, nil when the archive has no such part.
  /// - Throws: `IngestError.invalidDocx` when the part is larger than `maxBytes` unpacked (as
  ///   its header says, or as unpacking shows: unpacking stops there), damaged, encrypted or
  ///   compressed in a way ZIP readers rarely support.
  func part(_ path: String) throws -> [UInt8]? {
    guard let entry = archive[path] else { return nil }
    guard !entry.isDirectory else { return nil }
    if entry.uncompressedSize > UInt64(maxBytes) { throw tooLarge(path) }
    guard let header = Self.localHeader(named: path, in: bytes, matching: entry) else {
      throw IngestError.invalidDocx(path: name, reason: "\(path) is damaged (its data is missing or cut short)")
    }
    if header.isEncrypted {
      throw IngestError.invalidDocx(path: name, reason: "\(path) is encrypted; save the document again without a password")
    }
    let data = bytes[header.data]
    switch header.method {
    case 0:
      if data.count > maxBytes { throw tooLarge(path) }
      if Data(data).crc32(checksum: 0) != entry.checksum { throw damaged(path, "checksum mismatch") }
      return Array(data)
    case 8:
      return try inflate(data, path: path, checksum: entry.checksum)
    default:
      throw IngestError.invalidDocx(
        path: name, reason: "\(path) uses ZIP compression method \(header.method), which FinePrint cannot unpack")
    }
  }

  /// Inflates a part's deflate data, stopping as soon as the output passes `maxBytes` and when
  /// the input ends before the stream does.
  private func inflate(_ compressed: ArraySlice<UInt8>, path: String, checksum: UInt32) throws -> [UInt8] {
    struct CutShort: Error {}
    struct TooLarge: Error {}
    let input = Array(compressed)
    // One chunk for small parts; the size is never a multiple of the chunk, so the last chunk
    // is a short one, which Apple's decoder needs to see the end.
    var chunk = min(input.count + 1, 1 << 20)
    if input.count % chunk == 0 { chunk -= 1 }
    var output: [UInt8] = []
    let limit = maxBytes
    do {
      let crc = try Data.decompress(
        size: Int64(input.count), bufferSize: max(chunk, 1), skipCRC32: false,
        provider: { position, size in
          let start = Int(position)
          guard start < input.count else { throw CutShort() }
          var data = Data(input[start..<min(input.count, start + size)])
          // zlib is told a full chunk is there: pad with zeros, which a stream that ends reads none of.
          if data.count < size { data.append(Data(count: size - data.count)) }
          return data
        },
        consumer: { data in
          if output.count + data.count > limit { throw TooLarge() }
          output.append(contentsOf: data)
        })
      if crc != checksum { throw damaged(path, "checksum mismatch") }
    } catch is TooLarge {
      throw tooLarge(path)
    } catch is CutShort {
      throw damaged(path, "its compressed data is cut short")
    } catch let error as IngestError {
      throw error
    } catch {
      throw damaged(path, "its compressed data is corrupt")
    }
    return output
  }

  private func tooLarge(_ path: String) -> IngestError {
    .invalidDocx(
      path: name,
      reason: "\(path) unpacks to more than the \(IngestError.size(maxBytes)) limit (\(Limits.howToRaise("max-size")))")
  }

  private func damaged(_ path: String, _ why: String) -> IngestError {
    .invalidDocx(path: name, reason: "\(path) is damaged (\(why))")
  }

  /// What the archive seems to be, when it is not a Word document.
  private func whatElse() -> String {
    let kinds = [
      ("xl/workbook.xml", "an Excel workbook"), ("ppt/presentation.xml", "a PowerPoint presentation"),
      ("content.xml", "an OpenDocument file"),
    ]
    for (part, what) in kinds where archive[part] != nil { return ": it looks like \(what)" }
    return ": it is not a Word document"
  }

  // MARK: - Raw headers

  /// A part's local file header: what ZIPFoundation keeps to itself.
  private struct LocalHeader {
    var flags: UInt16
    var method: UInt16
    /// The part's stored (compressed) bytes.
    var data: Range<Int>
    var isEncrypted: Bool { flags & 1 != 0 }
  }

  /// The first local header that names `path` (and, given the directory's `entry`, agrees with
  /// it on size and checksum), with the range of its data inside `bytes`.
  private static func localHeader(named path: String, in bytes: [UInt8], matching entry: ZipDirectory.Entry? = nil)
    -> LocalHeader?
  {
    let name = Array(path.utf8)
    func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
    func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
    var i = 0
    while i + 30 <= bytes.count {
      guard bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x03, bytes[i + 3] == 0x04 else {
        i += 1
        continue
      }
      let nameLength = u16(i + 26)
      let extraLength = u16(i + 28)
      let start = i + 30 + nameLength + extraLength
      guard start <= bytes.count, bytes[(i + 30)..<(i + 30 + nameLength)].elementsEqual(name) else {
        i += 4
        continue
      }
      let flags = UInt16(u16(i + 6))
      var size = u32(i + 18)
      if let entry {
        // Sizes are in a trailing descriptor (flag 3) or a ZIP64 field: trust the directory's.
        let deferred = flags & 0x08 != 0 || size == 0xFFFF_FFFF
        if !deferred && (size != Int(entry.compressedSize) || UInt32(u32(i + 14)) != entry.checksum) {
          i += 4
          continue
        }
        size = Int(clamping: entry.compressedSize)
      }
      guard size <= bytes.count - start else { return nil }
      return LocalHeader(flags: flags, method: UInt16(u16(i + 8)), data: start..<(start + size))
    }
    return nil
  }

  /// Whether an OLE2 compound file holds an encrypted Office package (its stream names are
  /// UTF-16: "EncryptedPackage").
  private static func isEncryptedPackage(_ bytes: [UInt8]) -> Bool {
    bytes.contains(bytes: Array("EncryptedPackage".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
  }
}

/// Reads a relationships part (`_rels/.rels`) for the target of its `officeDocument` relationship.
private final class RelationshipReader: NamespacedXMLHandler {
  private static let namespace = "http://schemas.openxmlformats.org/package/2006/relationships"
  private(set) var officeDocument: String?

  func start(_ name: XMLName, attributes: XMLAttributes) {
    guard officeDocument == nil, name == XMLName(namespace: Self.namespace, local: "Relationship"),
      attributes["", "TargetMode"] != "External", attributes["", "Type"]?.hasSuffix("/officeDocument") == true
    else { return }
    officeDocument = attributes["", "Target"]
  }

  func end(_ name: XMLName) {}
  func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}
