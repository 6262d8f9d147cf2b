/// A position in the original file, as editors and SARIF count it: 1-based line, and a 1-based
/// column counted in Unicode code points (SARIF's `columnKind: unicodeCodePoints`).
public struct SourceLocation: Hashable, Comparable, Sendable, Codable {
  /// 1-based line number in the original file.
  public var line: Int
  /// 1-based column, in Unicode code points from the start of the line.
  public var column: Int
  /// Byte offset in the original file once decoded to UTF-8 (0-based).
  public var offset: Int

  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// A span of the original file: `start` is where its first character stands, `end` is the
/// position just after its last character (exclusive, as SARIF's `endColumn`).
public struct SourceSpan: Hashable, Sendable, Codable {
  public var start: SourceLocation
  public var end: SourceLocation

  public init(start: SourceLocation, end: SourceLocation) {
    self.start = start
    self.end = end
  }
}

extension SourceSpan {
  /// The keys a record's span is written under, beside its other keys: where it starts
  /// (`line`, `column`) and where it ends (`endLine`, `endColumn`). Byte offsets are not written;
  /// a span read back has offset 0.
  enum FlatKeys: String, CodingKey {
    case line, column, endLine, endColumn
  }

  /// Writes the span's four numbers into the encoder's keyed container, beside the record's keys.
  func encodeFlat(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: FlatKeys.self)
    try container.encode(start.line, forKey: .line)
    try container.encode(start.column, forKey: .column)
    try container.encode(end.line, forKey: .endLine)
    try container.encode(end.column, forKey: .endColumn)
  }

  /// Reads a span written by `encodeFlat(to:)`.
  init(flatFrom decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: FlatKeys.self)
    start = SourceLocation(
      line: try container.decode(Int.self, forKey: .line), column: try container.decode(Int.self, forKey: .column),
      offset: 0)
    end = SourceLocation(
      line: try container.decode(Int.self, forKey: .endLine), column: try container.decode(Int.self, forKey: .endColumn),
      offset: 0)
  }
}

/// Something that stands at a span of the original file (a finding, a quote, a clause), read
/// also as the four numbers the outputs write.
public protocol SourceSpanned {
  var span: SourceSpan { get }
}

extension SourceSpanned {
  /// The 1-based line where it starts.
  public var line: Int { span.start.line }
  /// The 1-based code-point column where it starts.
  public var column: Int { span.start.column }
  /// The line of the position just past its end.
  public var endLine: Int { span.end.line }
  /// The column of the position just past its end (exclusive).
  public var endColumn: Int { span.end.column }
}
