/// The central directory of a ZIP archive held in memory, read with every offset and length
/// checked against the bytes there are.
///
/// FinePrint used ZIPFoundation's `Archive` for this. Its in-memory file seeks wherever a
/// damaged directory says (a central directory, a local header or a data descriptor past the end
/// of the bytes) and then builds an inverted range: the process dies with "Range requires
/// lowerBound <= upperBound" (SIGILL). A mutated `.docx`, or a 300-byte ZIP under any name or on
/// standard input (the format sniffer opens every ZIP), was enough. Here a directory that does
/// not fit in the bytes is an error, never a crash.
struct ZipDirectory {
  struct Entry: Equatable {
    var name: String
    var flags: UInt16
    var method: UInt16
    var checksum: UInt32
    var compressedSize: UInt64
    var uncompressedSize: UInt64
    var localHeaderOffset: UInt64
    /// A folder entry (its name ends with a slash): it has no content.
    var isDirectory: Bool { name.hasSuffix("/") }
  }

  /// Why the directory could not be read.
  struct Damage: Error, Equatable {
    var reason: String
  }

  /// The entries in directory order; the first of several with the same name wins.
  private(set) var entries: [Entry] = []
  private var byName: [String: Int] = [:]

  subscript(_ name: String) -> Entry? { byName[name].map { entries[$0] } }

  private static let endSignature: UInt32 = 0x0605_4B50
  private static let zip64EndSignature: UInt32 = 0x0606_4B50
  private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
  private static let entrySignature: UInt32 = 0x0201_4B50
  /// The end record is 22 bytes and may be followed by a comment of up to 65,535.
  private static let endRecordSize = 22

  /// - Throws: `Damage` when there is no end-of-central-directory record, or the directory it
  ///   points to does not lie inside the bytes, or an entry is cut short.
  init(_ bytes: [UInt8]) throws {
    let reader = ByteReader(bytes)
    guard let end = Self.findEndRecord(reader) else {
      throw Damage(reason: "no readable directory")
    }
    var directoryOffset = UInt64(reader.u32(end + 16)!)
    var directorySize = UInt64(reader.u32(end + 12)!)
    var directoryLimit = end  // the directory lies before the end record
    let needsZip64 = reader.u16(end + 10)! == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF
    if needsZip64 || (end >= 20 && reader.u32(end - 20) == Self.zip64LocatorSignature) {
      guard end >= 20, reader.u32(end - 20) == Self.zip64LocatorSignature, let at = reader.u64(end - 20 + 8),
        at < UInt64(end - 20), reader.u32(Int(at)) == Self.zip64EndSignature,
        let size = reader.u64(Int(at) + 40), let offset = reader.u64(Int(at) + 48)
      else {
        throw Damage(reason: "its ZIP64 end-of-central-directory record is missing or lies outside the file")
      }
      directorySize = size
      directoryOffset = offset
      directoryLimit = Int(at)
    }
    guard directoryOffset <= UInt64(directoryLimit), directorySize <= UInt64(directoryLimit) - directoryOffset else {
      throw Damage(
        reason:
          "its central directory (offset \(directoryOffset), \(directorySize) bytes) lies outside the file (\(bytes.count) bytes)"
      )
    }
    var p = Int(directoryOffset)
    let directoryEnd = p + Int(directorySize)
    while p < directoryEnd {
      guard p + 46 <= directoryEnd, reader.u32(p) == Self.entrySignature else {
        throw Damage(reason: "its central directory is damaged at byte \(p)")
      }
      let nameLength = reader.u16(p + 28)!
      let extraLength = reader.u16(p + 30)!
      let commentLength = reader.u16(p + 32)!
      let next = p + 46 + nameLength + extraLength + commentLength
      guard next <= directoryEnd else { throw Damage(reason: "its central directory is cut short at byte \(p)") }
      var entry = Entry(
        name: String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
        flags: UInt16(reader.u16(p + 8)!), method: UInt16(reader.u16(p + 10)!), checksum: reader.u32(p + 16)!,
        compressedSize: UInt64(reader.u32(p + 20)!), uncompressedSize: UInt64(reader.u32(p + 24)!),
        localHeaderOffset: UInt64(reader.u32(p + 42)!))
      Self.applyZip64Extra(reader, from: p + 46 + nameLength, length: extraLength, to: &entry)
      guard entry.localHeaderOffset < UInt64(bytes.count) else {
        throw Damage(reason: "its entry \(entry.name) points past the end of the file")
      }
      if byName[entry.name] == nil { byName[entry.name] = entries.count }
      entries.append(entry)
      p = next
    }
  }

  /// The last end record that fits in the bytes (a comment may hold the signature too, so the
  /// search runs from the end).
  private static func findEndRecord(_ reader: ByteReader) -> Int? {
    let count = reader.bytes.count
    guard count >= endRecordSize else { return nil }
    var i = count - endRecordSize
    let floor = max(0, count - endRecordSize - 65_535)
    while i >= floor {
      if reader.u32(i) == endSignature { return i }
      i -= 1
    }
    return nil
  }

  /// Sizes and offset that do not fit in 32 bits are in the ZIP64 extra field (ID 1), in this
  /// order, present only for the fields set to 0xFFFFFFFF.
  private static func applyZip64Extra(_ reader: ByteReader, from start: Int, length: Int, to entry: inout Entry) {
    var p = start
    let end = start + length
    while p + 4 <= end, let id = reader.u16(p), let size = reader.u16(p + 2) {
      let data = p + 4
      guard data + size <= end else { return }
      if id == 1 {
        var q = data
        func next() -> UInt64? {
          guard q + 8 <= data + size, let value = reader.u64(q) else { return nil }
          q += 8
          return value
        }
        if entry.uncompressedSize == 0xFFFF_FFFF, let v = next() { entry.uncompressedSize = v }
        if entry.compressedSize == 0xFFFF_FFFF, let v = next() { entry.compressedSize = v }
        if entry.localHeaderOffset == 0xFFFF_FFFF, let v = next() { entry.localHeaderOffset = v }
        return
      }
      p = data + size
    }
  }
}

/// Little-endian integers read from bytes; nil past the end, never a trap.
struct ByteReader {
  let bytes: [UInt8]

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  func u16(_ i: Int) -> Int? {
    guard i >= 0, i <= bytes.count - 2 else { return nil }
    return Int(bytes[i]) | Int(bytes[i + 1]) << 8
  }

  func u32(_ i: Int) -> UInt32? {
    guard let low = u16(i), let high = u16(i + 2) else { return nil }
    return UInt32(low) | UInt32(high) << 16
  }

  func u64(_ i: Int) -> UInt64? {
    guard let low = u32(i), let high = u32(i + 4) else { return nil }
    return UInt64(low) | UInt64(high) << 32
  }
}
