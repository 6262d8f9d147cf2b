/// A document after ingestion: its visible text, the blocks that structure it, and the map
/// from every byte of that text back to the line and column of the original file.
public struct Document: Sendable {
  /// The name the user gave (a path, `-` for standard input, a URL), used in every report.
  public var path: String
  public var format: DocumentFormat
  /// The visible text: what a reader sees, with markup, scripts and hidden parts gone.
  public var text: String { String(decoding: bytes, as: UTF8.self) }
  /// The same text as UTF-8 bytes; all offsets in `blocks`, clauses and tokens index this array.
  public private(set) var bytes: [UInt8]
  public var blocks: [Block]
  /// The document's title when the markup states one (`<title>`, Akoma Ntoso `docTitle`).
  public var title: String?
  public var sourceMap: SourceMap
  /// Lines of the original file (decoded to UTF-8), for turning source offsets into positions.
  public var lineIndex: LineIndex
  /// Things the reader should know but that did not stop ingestion ("not valid UTF-8, read as
  /// Windows-1252").
  public var warnings: [String] = []
  /// Comments of the source (HTML/XML `<!-- … -->`; in plain text, lines that start with
  /// `fineprint-`), with their source byte ranges: where inline suppressions are written.
  public var comments: [SourceComment] = []

  public init(
    path: String, format: DocumentFormat, text: String, blocks: [Block], title: String? = nil,
    sourceMap: SourceMap, lineIndex: LineIndex
  ) {
    self.init(
      path: path, format: format, validUTF8: Array(text.utf8), blocks: blocks, title: title,
      sourceMap: sourceMap, lineIndex: lineIndex)
  }

  /// A document from its visible text as UTF-8 bytes (invalid sequences are repaired, as a
  /// `String` would), without building a string of the whole text.
  public init(
    path: String, format: DocumentFormat, utf8: [UInt8], blocks: [Block], title: String? = nil,
    sourceMap: SourceMap, lineIndex: LineIndex
  ) {
    let valid = TextDecoding.firstInvalidUTF8(utf8) == nil ? utf8 : Array(String(decoding: utf8, as: UTF8.self).utf8)
    self.init(
      path: path, format: format, validUTF8: valid, blocks: blocks, title: title, sourceMap: sourceMap,
      lineIndex: lineIndex)
  }

  private init(
    path: String, format: DocumentFormat, validUTF8: [UInt8], blocks: [Block], title: String?,
    sourceMap: SourceMap, lineIndex: LineIndex
  ) {
    self.path = path
    self.format = format
    self.bytes = validUTF8
    self.blocks = blocks
    self.title = title
    self.sourceMap = sourceMap
    self.lineIndex = lineIndex
  }

  /// The text of a byte range of `text`.
  public func text(in range: Range<Int>) -> String {
    let clamped = range.clamped(to: 0..<bytes.count)
    return String(decoding: bytes[clamped], as: UTF8.self)
  }

  /// Where a range of the visible text stands in the original file.
  public func span(of range: Range<Int>) -> SourceSpan {
    let source = sourceMap.sourceRange(ofText: range)
    return SourceSpan(
      start: lineIndex.location(ofOffset: source.lowerBound),
      end: lineIndex.location(ofOffset: source.upperBound))
  }
}

/// A comment in the source file, for inline suppressions.
public struct SourceComment: Hashable, Sendable {
  public var text: String
  /// Byte offsets in the (UTF-8) source.
  public var range: Range<Int>

  public init(text: String, range: Range<Int>) {
    self.text = text
    self.range = range
  }
}
