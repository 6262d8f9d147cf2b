/// Appends values to a compiled rule image: little-endian integers, length-prefixed strings
/// and arrays of fixed-width integers copied whole, so that reading it back is mostly memcpy.
/// Both ends are the same program on the same (little-endian) kind of machine: the image is
/// made at build time by the tool that compiles the bundled rules, or cached by `RuleCache`.
struct ImageWriter {
  private(set) var bytes: [UInt8] = []
  /// File names of rule locations, written once each (every pattern and example repeats one).
  private var files: [String: Int] = [:]

  mutating func int(_ value: Int) {
    withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  mutating func double(_ value: Double) { int(Int(Int64(bitPattern: value.bitPattern))) }

  mutating func string(_ value: String) {
    int(value.utf8.count)
    bytes.append(contentsOf: value.utf8)
  }

  /// A file name: its index when written before, else -1 and the name.
  mutating func file(_ name: String) {
    if let index = files[name] {
      int(index)
    } else {
      files[name] = files.count
      int(-1)
      string(name)
    }
  }

  /// An array of fixed-width integers, as its count and its raw bytes.
  mutating func integers<T: FixedWidthInteger>(_ values: [T]) {
    int(values.count)
    values.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }

  mutating func list<T>(_ values: [T], _ write: (inout ImageWriter, T) -> Void) {
    int(values.count)
    for value in values { write(&self, value) }
  }

  mutating func optional<T>(_ value: T?, _ write: (inout ImageWriter, T) -> Void) {
    bool(value != nil)
    if let value { write(&self, value) }
  }
}
