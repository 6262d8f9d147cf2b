/// Builds a document's visible text from runs of markup text, collapsing white space as a
/// browser does, cutting it into blocks, and recording for every byte where in the source it
/// came from.
struct VisibleTextBuilder {
  private(set) var text: [UInt8] = []
  private(set) var map = SourceMap()
  private(set) var blocks: [Block] = []

  /// The block being filled, its kind, level and number.
  private var blockStart: Int?
  private var kind: Block.Kind = .paragraph
  private var level = 0
  private var number: String?
  /// White space seen since the last visible character, not yet written (source span).
  private var pendingSpace: Range<Int>?
  /// Whether `pendingSpace` is one blank (U+0020) of the source: the space written for it is
  /// then a copy, mapped as part of the verbatim run around it. Mapped as a run of its own,
  /// every blank between two words cost two runs, and the source map of an 11 MB page grew
  /// past 20 MB.
  private var pendingSpaceIsBlank = false

  /// Starts a new block (closing the open one) of the given kind.
  mutating func beginBlock(_ kind: Block.Kind, level: Int = 0, number: String? = nil) {
    endBlock()
    self.kind = kind
    self.level = level
    self.number = number
  }

  /// Closes the open block, if it holds any text.
  mutating func endBlock() {
    pendingSpace = nil
    var end = text.count
    while let start = blockStart, end > start, Self.isSpace(text[end - 1]) { end -= 1 }
    if let start = blockStart, start < end {
      blocks.append(Block(kind: kind, level: level, range: start..<end, number: number))
    }
    blockStart = nil
    number = nil
  }

  /// The kind the open (or next) block will have; lets a container set it for its content.
  mutating func setKind(_ kind: Block.Kind, level: Int = 0, number: String? = nil) {
    self.kind = kind
    self.level = level
    if number != nil { self.number = number }
  }

  private mutating func openIfNeeded() {
    if blockStart == nil {
      if !text.isEmpty { text.append(0x0A) }  // blocks are separated by a line break
      blockStart = text.count
    }
  }

  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }

  /// Appends text copied from `source[start..<start+bytes.count]`; `preserve` keeps white
  /// space as it is (`<pre>`), else runs of it become one space.
  mutating func appendVerbatim(_ bytes: UnsafeBufferPointer<UInt8>, sourceStart: Int, preserve: Bool) {
    var i = 0
    let n = bytes.count
    while i < n {
      if !preserve && Self.isSpace(bytes[i]) {
        var j = i
        while j < n && Self.isSpace(bytes[j]) { j += 1 }
        let span = (sourceStart + i)..<(sourceStart + j)
        let blank = j == i + 1 && bytes[i] == 0x20
        pendingSpaceIsBlank = pendingSpace.map { $0 == span && pendingSpaceIsBlank } ?? blank
        pendingSpace = Self.joined(pendingSpace, span)
        i = j
        continue
      }
      if preserve && blockStart == nil && Self.isSpace(bytes[i]) {
        i += 1  // a preformatted block starts at its first visible character
        continue
      }
      var j = i
      while j < n && (preserve || !Self.isSpace(bytes[j])) { j += 1 }
      flushSpace()
      openIfNeeded()
      map.appendVerbatim(textStart: text.count, sourceStart: sourceStart + i, length: j - i)
      text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
      i = j
    }
  }

  /// Appends decoded text that stands for a different source span (an entity).
  mutating func appendReplaced(_ bytes: [UInt8], source: Range<Int>, preserve: Bool) {
    // An entity for white space (&nbsp;, &#32;) reads as a space; runs of them, as one.
    if !preserve && (bytes.allSatisfy(Self.isSpace) || bytes == [0xC2, 0xA0]) {
      pendingSpaceIsBlank = false
      pendingSpace = Self.joined(pendingSpace, source)
      return
    }
    flushSpace()
    openIfNeeded()
    map.appendReplaced(textStart: text.count, textLength: bytes.count, source: source)
    text.append(contentsOf: bytes)
  }

  /// Appends a separator that comes from no source text (a space between a number and a
  /// heading), unless the block is empty.
  mutating func appendSeparator() {
    guard blockStart != nil, let last = text.last, !Self.isSpace(last) else { return }
    pendingSpace = nil
    if let run = map.runs.last {
      map.appendReplaced(textStart: text.count, textLength: 1, source: run.sourceEnd..<run.sourceEnd)
    }
    text.append(0x20)
  }

  /// White space spans joined into one; never an inverted range, whatever order they come in.
  private static func joined(_ pending: Range<Int>?, _ span: Range<Int>) -> Range<Int> {
    guard let pending else { return span }
    return min(pending.lowerBound, span.lowerBound)..<max(pending.upperBound, span.upperBound)
  }

  private mutating func flushSpace() {
    guard let space = pendingSpace else { return }
    pendingSpace = nil
    guard blockStart != nil, let last = text.last, last != 0x0A, !Self.isSpace(last) else { return }
    if pendingSpaceIsBlank {
      map.appendVerbatim(textStart: text.count, sourceStart: space.lowerBound, length: 1)
    } else {
      map.appendReplaced(textStart: text.count, textLength: 1, source: space)
    }
    text.append(0x20)
  }

  /// The text so far (for titles).
  func string(_ range: Range<Int>) -> String { String(decoding: text[range], as: UTF8.self) }
}
