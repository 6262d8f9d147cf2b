/// Writes JSON text straight into bytes, laid out as Foundation's encoders lay it out with
/// `.sortedKeys` and `.withoutEscapingSlashes` (pretty: two spaces a level, `"key" : value`, an
/// empty container as `[` blank line `]`), so reports build no tree of values and skip
/// `JSONEncoder`, which took a quarter of a large run. Callers write keys in sorted order.
struct JSONWriter {
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

  mutating func object(_ body: (inout JSONWriter) -> Void) {
    open(UInt8(ascii: "{"))
    body(&self)
    close(UInt8(ascii: "}"))
  }

  mutating func array(_ body: (inout JSONWriter) -> Void) {
    open(UInt8(ascii: "["))
    body(&self)
    close(UInt8(ascii: "]"))
  }

  /// An object's key; its value follows.
  mutating func key(_ name: String) {
    element()
    escaped(name)
    if pretty { bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20]) } else { bytes.append(UInt8(ascii: ":")) }
    afterKey = true
  }

  mutating func string(_ value: String) {
    element()
    escaped(value)
  }

  mutating func int(_ value: Int) {
    element()
    bytes.append(contentsOf: String(value).utf8)
  }

  mutating func bool(_ value: Bool) {
    element()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  /// The line break between two records of JSON Lines (at the top level only).
  mutating func newlineBetweenRecords() {
    precondition(counts.isEmpty)
    bytes.append(0x0A)
  }

  mutating func strings(_ values: [String]) {
    array { w in for value in values { w.string(value) } }
  }

  /// Before a value: the comma and line break that separate it from the one before.
  private mutating func element() {
    if afterKey {
      afterKey = false
      return
    }
    guard let last = counts.indices.last else { return }
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

  private mutating func newline(depth: Int) {
    bytes.append(0x0A)
    bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
  }

  private static let hex = Array("0123456789abcdef".utf8)

  private mutating func escaped(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      var start = 0  // the first byte not written yet
      var i = 0
      while i < utf8.count {
        let byte = utf8[i]
        let escape: [UInt8]?
        switch byte {
        case UInt8(ascii: "\""): escape = [0x5C, 0x22]
        case UInt8(ascii: "\\"): escape = [0x5C, 0x5C]
        case 0x08: escape = [0x5C, UInt8(ascii: "b")]
        case 0x09: escape = [0x5C, UInt8(ascii: "t")]
        case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
        case 0x0C: escape = [0x5C, UInt8(ascii: "f")]
        case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
        case 0..<0x20: escape = [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 15)]]
        case 0xE2 where escapeLineSeparators && i + 2 < utf8.count && utf8[i + 1] == 0x80
          && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
          bytes.append(contentsOf: Array("\\u202".utf8) + [utf8[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")])
          i += 3
          start = i
          continue
        default: escape = nil
        }
        if let escape {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
          bytes.append(contentsOf: escape)
          start = i + 1
        }
        i += 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
    }
    bytes.append(UInt8(ascii: "\""))
  }
}

extension JSONWriter {
  /// A finding as `Finding`'s `Codable` conformance encodes it, keys sorted.
  mutating func finding(_ f: Finding) {
    object { w in
      w.key("category"); w.string(f.category)
      w.key("clause"); w.string(f.clause)
      w.key("clauseEnd"); w.int(f.clauseEnd)
      w.key("clauseStart"); w.int(f.clauseStart)
      w.key("column"); w.int(f.column)
      w.key("documentLevel"); w.bool(f.documentLevel)
      w.key("endColumn"); w.int(f.endColumn)
      w.key("endLine"); w.int(f.endLine)
      w.key("file"); w.string(f.file)
      w.key("headings"); w.strings(f.headings)
      w.key("line"); w.int(f.line)
      w.key("match"); w.string(f.match)
      w.key("message"); w.string(f.message)
      w.key("rule"); w.string(f.rule)
      w.key("severity"); w.string(f.severity.rawValue)
      if let suppression = f.suppression {
        w.key("suppression"); w.string(suppression)
      }
      w.key("textEnd"); w.int(f.textEnd)
      w.key("textStart"); w.int(f.textStart)
    }
  }
}
