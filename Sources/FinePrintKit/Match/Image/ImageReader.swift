/// Reads what `ImageWriter` wrote, checking every length against the bytes left: a damaged or
/// foreign image is an error (`RuleImageError`), never a read out of bounds.
struct ImageReader {
  private let bytes: [UInt8]
  private(set) var position = 0
  private var files: [String] = []

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { position == bytes.count }

  private mutating func take(_ count: Int) throws(RuleImageError) -> Range<Int> {
    guard count >= 0, count <= bytes.count - position else { throw .malformed("truncated at byte \(position)") }
    defer { position += count }
    return position..<position + count
  }

  mutating func int() throws(RuleImageError) -> Int {
    let range = try take(8)
    var value: Int64 = 0
    withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[range]) }
    return Int(Int64(littleEndian: value))
  }

  /// An integer that must lie in `bounds` (a count, an index, an enum's case).
  mutating func int(in bounds: Range<Int>) throws(RuleImageError) -> Int {
    let value = try int()
    guard bounds.contains(value) else { throw .malformed("\(value) out of \(bounds) at byte \(position - 8)") }
    return value
  }

  mutating func bool() throws(RuleImageError) -> Bool {
    bytes[try take(1).lowerBound] != 0
  }

  mutating func double() throws(RuleImageError) -> Double {
    Double(bitPattern: UInt64(bitPattern: Int64(try int())))
  }

  mutating func string() throws(RuleImageError) -> String {
    let count = try int(in: 0..<bytes.count + 1)
    return String(decoding: bytes[try take(count)], as: UTF8.self)
  }

  mutating func file() throws(RuleImageError) -> String {
    let index = try int(in: -1..<files.count)
    if index >= 0 { return files[index] }
    let name = try string()
    files.append(name)
    return name
  }

  mutating func integers<T: FixedWidthInteger>(_: T.Type = T.self) throws(RuleImageError) -> [T] {
    let count = try int(in: 0..<bytes.count / MemoryLayout<T>.stride + 1)
    let range = try take(count * MemoryLayout<T>.stride)
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes.withUnsafeBytes { source in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[range]))
      }
      initialized = count
    }
  }

  mutating func list<T>(_ read: (inout ImageReader) throws(RuleImageError) -> T) throws(RuleImageError) -> [T] {
    let count = try int(in: 0..<bytes.count - position + 1)
    var out: [T] = []
    out.reserveCapacity(count)
    for _ in 0..<count { out.append(try read(&self)) }
    return out
  }

  mutating func optional<T>(_ read: (inout ImageReader) throws(RuleImageError) -> T) throws(RuleImageError) -> T? {
    try bool() ? try read(&self) : nil
  }
}
