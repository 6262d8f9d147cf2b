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
