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
    let n = source.count
    source.withUnsafeBufferPointer { p in
      let raw = UnsafeRawBufferPointer(p)
      var lineIsASCII = true
      /// One byte: a code point unless it continues one; a line break starts a line.
      @inline(__always) func visit(_ i: Int) {
        let byte = p[i]
        if byte & 0xC0 != 0x80 { codePoints += 1 }
        if byte == 0x0A || (byte == 0x0D && !(i + 1 < n && p[i + 1] == 0x0A)) {
          // `\r\n` ends its line at the `\n`.
          ascii[ascii.count - 1] = lineIsASCII
          starts.append(i + 1)
          ascii.append(true)
          lineIsASCII = true
        } else if byte >= 0x80 {
          lineIsASCII = false
        }
      }
      var i = 0
      // Eight bytes at a time: a word with no line break and no byte above ASCII is eight code
      // points on the same line. Checkpoints fall on multiples of `stride`, which are word starts.
      while i + 8 <= n {
        if i % Self.stride == 0 { checkpoints.append(codePoints) }
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if !Self.hasByte(word, 0x0A) && !Self.hasByte(word, 0x0D) {
          // No line break: eight bytes on the same line, less the bytes that continue a code point.
          if word & 0x8080_8080_8080_8080 == 0 {
            codePoints += 8
          } else {
            codePoints += 8 - Self.continuationBytes(word)
            lineIsASCII = false
          }
        } else {
          for k in i..<(i + 8) { visit(k) }
        }
        i += 8
      }
      while i < n {
        if i % Self.stride == 0 { checkpoints.append(codePoints) }
        visit(i)
        i += 1
      }
      ascii[ascii.count - 1] = lineIsASCII
    }
    lineStarts = starts
    asciiLines = ascii
    codePointsBefore = checkpoints
  }

  /// Whether any of the eight bytes of `word` is `byte`.
  @inline(__always)
  static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
    let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
    return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
  }

  /// How many of the eight bytes of `word` continue a code point (`10xxxxxx`): bit 7 set and
  /// bit 6 clear, the shift bringing each byte's bit 6 under its bit 7; the ones are summed by a
  /// multiplication into the top byte (the baseline x86-64 has no population count).
  @inline(__always)
  static func continuationBytes(_ word: UInt64) -> Int {
    let ones = (word & ~(word << 1) & 0x8080_8080_8080_8080) >> 7
    return Int((ones &* 0x0101_0101_0101_0101) >> 56)
  }

  /// The number of code points that start in `source[0..<offset]`.
  private func codePoints(before offset: Int) -> Int {
    guard !codePointsBefore.isEmpty else { return 0 }
    let block = min(offset / Self.stride, codePointsBefore.count - 1)
    return codePointsBefore[block] + count(from: block * Self.stride, to: offset)
  }

  /// The code points that start in `source[start..<end]`, eight bytes at a time where it can.
  private func count(from start: Int, to end: Int) -> Int {
    source.withUnsafeBytes { raw in
      var n = 0
      var i = start
      while i + 8 <= end {
        n += 8 - Self.continuationBytes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        i += 8
      }
      while i < end {
        if raw[i] & 0xC0 != 0x80 { n += 1 }
        i += 1
      }
      return n
    }
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
    let column =
      offset - start <= Self.stride
      ? count(from: start, to: offset) + 1
      : codePoints(before: offset) - codePoints(before: start) + 1
    return SourceLocation(line: low + 1, column: column, offset: offset)
  }

  /// The 1-based line that holds a byte offset.
  public func line(ofOffset offset: Int) -> Int { location(ofOffset: offset).line }
}
