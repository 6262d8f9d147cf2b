/// Writes JSON text straight into bytes, laid out as Foundation's encoders lay it out with
/// `.sortedKeys` and `.withoutEscapingSlashes` (pretty: two spaces a level, `"key" : value`, an
/// empty container as `[` blank line `]`), so reports build no tree of values and skip
/// `JSONEncoder`, which took a quarter of a large run. Callers write keys in sorted order.
///
/// What it holds can be handed to a `ReportOutput` at any point (`flush`), and the elements of
/// a long array can be rendered on several threads (`elements`): a writer's layout depends only
/// on where it stands (how deep, how many elements before), not on what it wrote.
struct JSONWriter: Sendable {
  private(set) var bytes: [UInt8] = []
  let pretty: Bool
  /// Writes U+2028 and U+2029 as `\u2028` and `\u2029`: JSON allows them raw, but tools that
  /// split lines (and JavaScript before ES2019) take them for line ends, which would break a
  /// JSON Lines record in two.
  let escapeLineSeparators: Bool
  /// For each open container, how many elements it holds so far.
  private var counts: [Int] = []
  private var afterKey = false

  init(pretty: Bool, escapeLineSeparators: Bool = false) {
    self.pretty = pretty
    self.escapeLineSeparators = escapeLineSeparators
  }

  /// The text written so far.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Hands what was written so far to `output` and forgets it.
  mutating func flush(to output: ReportOutput) throws {
    guard !bytes.isEmpty else { return }
    try output.write(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  mutating func object(_ body: (inout JSONWriter) throws -> Void) rethrows {
    open(UInt8(ascii: "{"))
    try body(&self)
    close(UInt8(ascii: "}"))
  }

  mutating func array(_ body: (inout JSONWriter) throws -> Void) rethrows {
    open(UInt8(ascii: "["))
    try body(&self)
    close(UInt8(ascii: "]"))
  }

  /// An object's key (a literal that needs no escaping); its value follows.
  mutating func key(_ name: StaticString) {
    element()
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    if pretty {
      bytes.append(0x20)
      bytes.append(UInt8(ascii: ":"))
      bytes.append(0x20)
    } else {
      bytes.append(UInt8(ascii: ":"))
    }
    afterKey = true
  }

  mutating func string(_ value: String) {
    element()
    escaped(value)
  }

  mutating func int(_ value: Int) {
    element()
    guard value < 0 || value >= 10 else {
      bytes.append(UInt8(ascii: "0") + UInt8(value))
      return
    }
    // Digits from the last, in a small buffer: `String(value)` allocated for every number.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var n = value.magnitude
      var i = 20
      repeat {
        i -= 1
        digits[i] = UInt8(ascii: "0") + UInt8(n % 10)
        n /= 10
      } while n > 0
      if value < 0 { bytes.append(UInt8(ascii: "-")) }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[i..<20]))
    }
  }

  mutating func bool(_ value: Bool) {
    element()
    let literal: StaticString = value ? "true" : "false"
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// The line break between two records of JSON Lines (at the top level only).
  mutating func newlineBetweenRecords() {
    precondition(counts.isEmpty)
    bytes.append(0x0A)
  }

  mutating func strings(_ values: [String]) {
    array { w in for value in values { w.string(value) } }
  }

  /// Writes `count` elements into the open array, `element(i, &writer)` writing the i-th, and
  /// hands them to `output` as they are done: they are rendered a batch at a time, each batch
  /// cut into ranges that copies of this writer, standing where the range starts, render on
  /// `threads` threads. The bytes are those one writer would write alone.
  mutating func elements(
    count: Int, threads: Int, to output: ReportOutput,
    _ element: @escaping @Sendable (Int, inout JSONWriter) -> Void
  ) throws {
    precondition(!counts.isEmpty && !afterKey, "elements are written into an open array")
    try flush(to: output)
    var template = self
    template.bytes = []
    let before = counts[counts.count - 1]
    let start = template
    try BatchedRendering.write(count: count, threads: threads, to: output) { range in
      var w = start
      w.counts[w.counts.count - 1] = before + range.lowerBound
      for i in range { element(i, &w) }
      return w.bytes
    }
    counts[counts.count - 1] += count
  }

  /// Before a value: the comma and line break that separate it from the one before.
  private mutating func element() {
    if afterKey {
      afterKey = false
      return
    }
    guard !counts.isEmpty else { return }
    let last = counts.count - 1
    if counts[last] > 0 { bytes.append(UInt8(ascii: ",")) }
    counts[last] += 1
    if pretty { newline(depth: counts.count) }
  }

  private mutating func open(_ bracket: UInt8) {
    element()
    bytes.append(bracket)
    counts.append(0)
  }

  private mutating func close(_ bracket: UInt8) {
    let count = counts.removeLast()
    if pretty {
      if count == 0 { bytes.append(0x0A) }
      newline(depth: counts.count)
    }
    bytes.append(bracket)
  }

  /// A line break and the indent of `depth`, copied from a literal: copying from a shared
  /// array of spaces retained it for every line, and threads rendering at once fought over its
  /// count; a literal's bytes are constant memory that nothing counts.
  private mutating func newline(depth: Int) {
    let width = 2 * depth
    Self.lineBreakAndSpaces.withUTF8Buffer { indent in
      if width < indent.count {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: indent[0...width]))
      } else {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: width))
      }
    }
  }

  /// A line break, then the spaces of an indent: both in one append.
  private static let lineBreakAndSpaces: StaticString = "\n                                "

  private static let hex = Array("0123456789abcdef".utf8)

  /// For each byte, whether a string's byte needs a look: control characters, `"` and `\`, and
  /// 0xE2, which starts U+2028 and U+2029 (escaped only in JSON Lines). In memory that is never
  /// freed, read through a pointer: reading a static array retained it for every string, on
  /// every rendering thread. Written once, before any read, and never after.
  nonisolated(unsafe) private static let special: UnsafePointer<Bool> = {
    let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
    for b in 0..<256 { (table + b).initialize(to: b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2) }
    return UnsafePointer(table)
  }()

  private mutating func escaped(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    let special = Self.special
    value.withUTF8 { utf8 in
      var start = 0  // the first byte not written yet
      var i = 0
      let count = utf8.count
      while true {
        // Runs of ordinary bytes are copied whole.
        while i < count && !special[Int(utf8[i])] { i += 1 }
        if i == count { break }
        let byte = utf8[i]
        if byte == 0xE2 {
          if escapeLineSeparators && i + 2 < count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9) {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
            bytes.append(contentsOf: [
              0x5C, UInt8(ascii: "u"), UInt8(ascii: "2"), UInt8(ascii: "0"), UInt8(ascii: "2"),
              utf8[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"),
            ])
            i += 3
            start = i
          } else {
            i += 1
          }
          continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
        bytes.append(0x5C)
        switch byte {
        case UInt8(ascii: "\""): bytes.append(0x22)
        case UInt8(ascii: "\\"): bytes.append(0x5C)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default: bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 15)]])
        }
        i += 1
        start = i
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<count]))
    }
    bytes.append(UInt8(ascii: "\""))
  }
}

extension JSONWriter {
  /// A finding as `Finding`'s `Codable` conformance encodes it, keys sorted.
  mutating func finding(_ f: Finding) {
    object { w in
      w.key("category")
      w.string(f.category)
      w.key("clause")
      w.string(f.clause)
      w.key("clauseEnd")
      w.int(f.clauseEnd)
      w.key("clauseStart")
      w.int(f.clauseStart)
      w.key("column")
      w.int(f.column)
      w.key("documentLevel")
      w.bool(f.documentLevel)
      w.key("endColumn")
      w.int(f.endColumn)
      w.key("endLine")
      w.int(f.endLine)
      w.key("file")
      w.string(f.file)
      w.key("headings")
      w.strings(f.headings)
      w.key("line")
      w.int(f.line)
      w.key("match")
      w.string(f.match)
      w.key("message")
      w.string(f.message)
      w.key("rule")
      w.string(f.rule)
      w.key("severity")
      w.string(f.severity.rawValue)
      if let suppression = f.suppression {
        w.key("suppression")
        w.string(suppression)
      }
      w.key("textEnd")
      w.int(f.textEnd)
      w.key("textStart")
      w.int(f.textStart)
    }
  }
}
