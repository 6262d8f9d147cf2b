import Foundation  // memchr

/// Reads plain text (and Markdown, as text): every character is visible, so the text is the
/// decoded file itself and the source map is the identity. Blocks are paragraphs separated by
/// blank lines; the segmenter reads the line breaks inside them.
public struct PlainTextIngester: Sendable {
  public init() {}

  /// Decodes `source` (see `TextDecoding`) and splits it into paragraph blocks. A decoding
  /// fallback is reported in `Document.warnings`, naming the file.
  /// - Parameter source: consumed: its bytes are let go once decoded (the text shares them
  ///   when they are UTF-8 already).
  public func ingest(_ source: consuming InputSource) throws -> Document {
    let decoded = TextDecoding.decode(source.bytes)
    source.bytes = []
    let bytes = decoded.utf8
    var map = SourceMap()
    map.appendVerbatim(textStart: 0, sourceStart: 0, length: bytes.count)
    let directives = Self.directiveLines(bytes)
    // Markdown's HTML comments (`<!-- fineprint-disable-next-line … -->`, or a note to editors)
    // are not shown to a reader: a directive in one is honoured, and no comment is read as text.
    let comments = Self.isMarkdown(source.name) ? Self.htmlCommentLines(bytes) : (directives: [], lines: [])
    // A directive line is an instruction to FinePrint, not a term: it stands between blocks and
    // is never read as part of a clause (else a rule could match the rule ID it names).
    let skipped = Set(directives.map(\.range.lowerBound)).union(comments.lines)
    // The line index and the paragraphs are two passes over the text: a large one has them at once.
    let (blocks, lineIndex) = ParallelChunks.both(concurrently: bytes.count >= Self.concurrentSize) {
      Self.paragraphs(bytes, skippingLinesAt: skipped)
    } _: {
      LineIndex(source: bytes)
    }
    var document = Document(
      path: source.name, format: .plainText, utf8: bytes,
      blocks: blocks, sourceMap: map, lineIndex: lineIndex)
    if let note = decoded.note { document.warnings.append("\(source.name): \(note)") }
    document.comments = (directives + comments.directives).sorted { $0.range.lowerBound < $1.range.lowerBound }
    return document
  }

  /// Texts from this size on are read by two threads.
  static let concurrentSize = 1 << 20

  /// Whether a file is Markdown by its name.
  static func isMarkdown(_ name: String) -> Bool {
    let lower = name.lowercased()
    return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
  }

  /// Markdown lines that are HTML comments (a comment may span lines) and the FinePrint
  /// directives in them: `<!-- fineprint-disable-next-line any-purpose: reason -->`.
  static func htmlCommentLines(_ bytes: [UInt8]) -> (directives: [SourceComment], lines: Set<Int>) {
    var directives: [SourceComment] = []
    var lines = Set<Int>()
    let open = Array("<!--".utf8)
    let close = Array("-->".utf8)
    let marker = Array("fineprint-".utf8)
    let isSpace = { (b: UInt8) in b == 0x20 || b == 0x09 || b == 0x0D }
    var inComment = false
    var lineStart = 0
    for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
      defer { lineStart = i + 1 }
      let line = bytes[lineStart..<i]
      let closing = line.firstRange(of: close)
      if inComment {
        lines.insert(lineStart)
        inComment = closing == nil
        continue
      }
      guard let j = line.firstIndex(where: { !isSpace($0) }), bytes[j..<i].starts(with: open) else { continue }
      // Only a comment that fills its lines is hidden: text after "-->" stays text.
      if let closing, !bytes[closing.upperBound..<i].allSatisfy(isSpace) { continue }
      lines.insert(lineStart)
      inComment = closing == nil
      guard let k = bytes[(j + open.count)..<i].firstIndex(where: { !isSpace($0) }), bytes[k..<i].starts(with: marker) else {
        continue
      }
      var end = closing?.lowerBound ?? i
      while end > k, isSpace(bytes[end - 1]) { end -= 1 }
      directives.append(SourceComment(text: String(decoding: bytes[k..<end], as: UTF8.self), range: lineStart..<end))
    }
    return (directives, lines)
  }

  /// Lines that start with `fineprint-` (after optional white space or `#`/`//`): plain text's
  /// inline suppressions.
  ///
  /// The text is searched for the marker many bytes at a time (`memchr`), and only the lines
  /// that hold it are looked at: walking every line of a large file byte by byte took as long
  /// as reading it, before anything else could start.
  static func directiveLines(_ bytes: [UInt8]) -> [SourceComment] {
    var out: [SourceComment] = []
    let marker = Array("fineprint-".utf8)
    let dashOffset = marker.count - 1
    func isLead(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == UInt8(ascii: "#") || b == UInt8(ascii: "/") }
    bytes.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return }
      // Every marker ends in `-`, a rare byte: found by `memchr`, then the marker before it compared.
      var from = dashOffset
      while from < p.count, let found = memchr(base + from, Int32(UInt8(ascii: "-")), p.count - from) {
        let dash = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        from = dash + 1
        let k = dash - dashOffset
        guard UnsafeBufferPointer(rebasing: p[k..<from]).elementsEqual(marker) else { continue }
        // A directive: nothing but white space, `#` or `/` between the line's start and the marker.
        var lineStart = k
        while lineStart > 0 && isLead(p[lineStart - 1]) { lineStart -= 1 }
        guard lineStart == 0 || p[lineStart - 1] == 0x0A else { continue }
        var lineEnd = from
        while lineEnd < p.count && p[lineEnd] != 0x0A { lineEnd += 1 }
        var end = lineEnd
        if end > lineStart, p[end - 1] == 0x0D { end -= 1 }
        out.append(
          SourceComment(text: String(decoding: UnsafeBufferPointer(rebasing: p[k..<end]), as: UTF8.self), range: lineStart..<end))
        from = lineEnd
      }
    }
    return out
  }

  /// Paragraph blocks: runs of lines separated by lines that hold only white space, or by the
  /// lines starting at `skipped` offsets.
  static func paragraphs(_ bytes: [UInt8], skippingLinesAt skipped: Set<Int> = []) -> [Block] {
    var blocks: [Block] = []
    var start: Int?
    var lastContentEnd = 0
    var lineStart = 0
    var lineHasContent = false
    var i = 0
    func closeLine(at end: Int) {
      if lineHasContent, !skipped.contains(lineStart) {
        if start == nil { start = firstContent(bytes, lineStart, end) }
        lastContentEnd = lastContent(bytes, lineStart, end)
      } else if let s = start {
        blocks.append(Block(kind: .preformatted, range: s..<lastContentEnd))
        start = nil
      }
    }
    bytes.withUnsafeBytes { raw in
      while i < bytes.count {
        // Within a line that has content, eight bytes without a line break change nothing.
        if lineHasContent {
          while i + 8 <= bytes.count, case let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self),
            !LineIndex.hasByte(word, 0x0A) && !LineIndex.hasByte(word, 0x0D)
          {
            i += 8
          }
          guard i < bytes.count else { break }
        }
        let b = bytes[i]
        if b == 0x0A || b == 0x0D {
          closeLine(at: i)
          if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
          lineStart = i + 1
          lineHasContent = false
        } else if !Self.isBlank(b) {
          lineHasContent = true
        }
        i += 1
      }
    }
    closeLine(at: bytes.count)
    if let s = start { blocks.append(Block(kind: .preformatted, range: s..<lastContentEnd)) }
    return blocks
  }

  /// Space, tab, vertical tab and form feed: the bytes a line may hold and still be blank.
  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
  }

  private static func firstContent(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int {
    var i = from
    while i < to, isBlank(bytes[i]) { i += 1 }
    return i
  }

  private static func lastContent(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int {
    var i = to
    while i > from, isBlank(bytes[i - 1]) || bytes[i - 1] == 0x0D { i -= 1 }
    return i
  }
}
