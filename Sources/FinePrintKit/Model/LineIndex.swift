/// Turns byte offsets of a UTF-8 source into 1-based lines and code-point columns.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`. Columns count code points, so an emoji or a CJK
/// character earlier on the line counts once, however many bytes it takes.
public struct LineIndex: Sendable {
  /// Byte offset where each line starts; `lineStarts[0] == 0`.
  public let lineStarts: [Int]
  /// Whether each line is pure ASCII, where a column is a byte count (no scan needed).
  private let asciiLines: [Bool]
  /// The source the offsets index (for DOCX, one line per paragraph).
  let source: [UInt8]
  /// The number of code points that start before each multiple of `stride` bytes: a column on a
  /// long non-ASCII line (a minified web page is one line) is counted from the nearest one
  /// instead of from the start of the line.
  private let codePointsBefore: [Int]
  private static let stride = 1024

  public init(source: [UInt8]) {
    self.source = source
    var starts = [0]
    var ascii = [true]
    var checkpoints: [Int] = []
    checkpoints.reserveCapacity(source.count / Self.stride + 1)
    var codePoints = 0
    var i = 0
    let n = source.count
    while i < n {
      let byte = source[i]
      if i % Self.stride == 0 {
        // Code points that started before i (a line break may have skipped one byte).
        checkpoints.append(codePoints)
      }
      if byte & 0xC0 != 0x80 { codePoints += 1 }
      if byte == 0x0A {
        starts.append(i + 1)
        ascii.append(true)
      } else if byte == 0x0D {
        if i + 1 < n, source[i + 1] == 0x0A {
          i += 1
          if i % Self.stride == 0 { checkpoints.append(codePoints) }
          codePoints += 1
        }
        starts.append(i + 1)
        ascii.append(true)
      } else if byte >= 0x80 {
        ascii[ascii.count - 1] = false
      }
      i += 1
    }
    lineStarts = starts
    asciiLines = ascii
    codePointsBefore = checkpoints
  }

  /// The number of code points that start in `source[0..<offset]`.
  private func codePoints(before offset: Int) -> Int {
    guard !codePointsBefore.isEmpty else { return 0 }
    let block = min(offset / Self.stride, codePointsBefore.count - 1)
    return codePointsBefore[block] + count(from: block * Self.stride, to: offset)
  }

  private func count(from start: Int, to end: Int) -> Int {
    var n = 0
    var i = start
    while i < end {
      if source[i] & 0xC0 != 0x80 { n += 1 }
      i += 1
    }
    return n
  }

  /// The number of lines (a final line without a line break counts).
  public var lineCount: Int { lineStarts.count }

  /// The line and column of a byte offset (clamped to the source).
  /// - Complexity: O(log lines + length of the line up to `offset`).
  public func location(ofOffset rawOffset: Int) -> SourceLocation {
    let offset = min(max(rawOffset, 0), source.count)
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    let start = lineStarts[low]
    if asciiLines[low] { return SourceLocation(line: low + 1, column: offset - start + 1, offset: offset) }
    let column = offset - start <= Self.stride ? count(from: start, to: offset) + 1
      : codePoints(before: offset) - codePoints(before: start) + 1
    return SourceLocation(line: low + 1, column: column, offset: offset)
  }

  /// The 1-based line that holds a byte offset.
  public func line(ofOffset offset: Int) -> Int { location(ofOffset: offset).line }
}
