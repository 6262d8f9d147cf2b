/// Turns raw bytes into UTF-8 that every later stage can index, and says how it did so.
///
/// Order: a byte-order mark (UTF-8, UTF-16 LE/BE) wins; else valid UTF-8; else Windows-1252,
/// which maps every byte to one code point, so lines and columns stay those of the file.
public enum TextDecoding {
  public struct Result: Sendable {
    /// The content as UTF-8, without a byte-order mark.
    public var utf8: [UInt8]
    /// What was done, when it was not plain UTF-8 (for a warning).
    public var note: String?
  }

  /// Decodes `bytes` to UTF-8 without a byte-order mark; `declaredCharset` (from markup) may
  /// name a single-byte encoding to use instead of guessing.
  public static func decode(_ bytes: [UInt8], declaredCharset: String? = nil) -> Result {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return decode(Array(bytes.dropFirst(3)), declaredCharset: "utf-8") }
    if bytes.starts(with: [0xFF, 0xFE]) { return Result(utf8: utf16(bytes.dropFirst(2), bigEndian: false), note: nil) }
    if bytes.starts(with: [0xFE, 0xFF]) { return Result(utf8: utf16(bytes.dropFirst(2), bigEndian: true), note: nil) }
    let charset = declaredCharset?.lowercased()
    if let charset, ["iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii"].contains(charset),
      !isValidUTF8(bytes) || charset != "us-ascii"
    {
      if !bytes.contains(where: { $0 >= 0x80 }) { return Result(utf8: bytes, note: nil) }
      return Result(utf8: windows1252(bytes), note: nil)
    }
    if isValidUTF8(bytes) { return Result(utf8: bytes, note: nil) }
    return Result(utf8: windows1252(bytes), note: "not valid UTF-8; read as Windows-1252")
  }

  /// The offset of the first byte that breaks UTF-8, or nil when all of it is valid.
  public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidUTF8($0) }
  }

  /// `firstInvalidUTF8` on raw memory: most text is ASCII, skipped eight bytes at a time.
  static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let n = bytes.count
    let raw = UnsafeRawBufferPointer(bytes)
    while i < n {
      while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
      guard i < n else { break }
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      let length: Int
      switch b {
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return i
      }
      guard i + length <= n else { return i }
      for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
      if b == 0xE0 && bytes[i + 1] < 0xA0 { return i }
      if b == 0xED && bytes[i + 1] >= 0xA0 { return i }
      if b == 0xF0 && bytes[i + 1] < 0x90 { return i }
      if b == 0xF4 && bytes[i + 1] >= 0x90 { return i }
      i += length
    }
    return nil
  }

  public static func isValidUTF8(_ bytes: [UInt8]) -> Bool { firstInvalidUTF8(bytes) == nil }

  static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = bytes.startIndex
    while i + 1 < bytes.endIndex {
      let a = UInt16(bytes[i])
      let b = UInt16(bytes[i + 1])
      units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
      i += 2
    }
    return Array(String(decoding: units, as: UTF16.self).utf8)
  }

  private static let cp1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D,
    0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
    0x017E, 0x0178,
  ]

  static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
    // Written through a table into memory sized once (room for the longest encoding of each
    // byte above ASCII; what is not written is never touched): appended a byte at a time,
    // every byte paid a uniqueness check.
    bytes.withUnsafeBufferPointer { input in
      var high = 0
      for b in input where b >= 0x80 { high += 1 }
      return [UInt8](unsafeUninitializedCapacity: input.count + 2 * high) { out, count in
        var n = 0
        cp1252UTF8.withUnsafeBufferPointer { table in
          for b in input {
            if b < 0x80 {
              out[n] = b
              n += 1
              continue
            }
            let encoded = table[Int(b &- 0x80)]
            let length = Int(encoded & 0xFF)
            out[n] = UInt8(truncatingIfNeeded: encoded >> 8)
            if length > 1 { out[n + 1] = UInt8(truncatingIfNeeded: encoded >> 16) }
            if length > 2 { out[n + 2] = UInt8(truncatingIfNeeded: encoded >> 24) }
            n += length
          }
        }
        count = n
      }
    }
  }

  /// Each byte from 0x80 up, read as Windows-1252, in UTF-8: its length in the low byte, then
  /// its bytes.
  private static let cp1252UTF8: [UInt32] = (0x80...0xFF).map { b in
    let value = b < 0xA0 ? cp1252High[b - 0x80] : UInt32(b)
    var packed: UInt32 = 0
    var length: UInt32 = 0
    UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { unit in
      length += 1
      packed |= UInt32(unit) << (8 * length)
    }
    return packed | length
  }

}
