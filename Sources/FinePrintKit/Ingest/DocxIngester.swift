/// Reads Word documents (`.docx`, Office Open XML): unpacks the ZIP in memory with limits
/// (`DocxPackage`), reads the body with libxml2 as safely as any XML (`DocxReader`), and makes
/// each paragraph a block: a heading when its style or outline level says so (`DocxStyles`), a
/// list item when it is numbered, a table cell inside a table.
///
/// A `.docx` has no lines and columns a person could look up, so positions are paragraph
/// numbers: the `line` of a clause or finding is the 1-based number of its paragraph among all
/// the body's `w:p` elements in document order (empty ones count), and the column is the
/// 1-based code-point offset in that paragraph's text. To keep the line and column machinery
/// unchanged, the document's source is a text with one line per paragraph (a line break inside
/// a paragraph stands there as U+2028, which counts as one column and starts no line).
public struct DocxIngester: Sendable {
  /// A part (the body, the styles) larger than this unpacked is refused: the `--max-size` limit.
  public var maxBytes: Int
  /// How deeply elements of the body may nest (`Limits.maxDepth`).
  public var maxDepth: Int

  public init(maxBytes: Int = Limits.standard.maxBytes, maxDepth: Int = Limits.standard.maxDepth) {
    self.maxBytes = maxBytes
    self.maxDepth = maxDepth
  }

  /// - Throws: `IngestError.invalidDocx` for what is not a readable Word document (naming the
  ///   file and what is wrong), `IngestError.noVisibleText` for one without text.
  public func ingest(_ input: InputSource) throws -> Document {
    let package = try DocxPackage(name: input.name, bytes: input.bytes, maxBytes: maxBytes)
    let documentPath = try package.documentPath()
    guard let xml = try package.part(documentPath) else {
      throw IngestError.invalidDocx(path: input.name, reason: "\(documentPath) is not a file")
    }
    let folder = documentPath.split(separator: "/").dropLast().joined(separator: "/")
    // Styles only name headings; a styles part that cannot be read leaves the style IDs to do it.
    let styles =
      ((try? package.part(folder.isEmpty ? "styles.xml" : folder + "/styles.xml")) ?? nil)
      .map(DocxStyles.init(xml:)) ?? DocxStyles()
    let reader = DocxReader()
    let problem = NamespacedXMLParser.parse(xml, into: reader, maxDepth: maxDepth)
    if let problem, problem.tooDeep {
      // Positions in a .docx are paragraph numbers: the one being read where the nesting went too deep.
      throw IngestError.tooDeep(path: input.name, line: reader.currentParagraphNumber, limit: maxDepth)
    }
    reader.finish()
    let layout = Layout(reader.paragraphs, styles: styles)
    if layout.text.isEmpty {
      if let problem {
        throw IngestError.invalidDocx(
          path: input.name, reason: "\(documentPath) is not well-formed XML (line \(problem.line): \(problem.message))")
      }
      throw IngestError.noVisibleText(path: input.name, reason: "the Word document has no text")
    }
    var document = Document(
      path: input.name, format: .docx, text: String(decoding: layout.text, as: UTF8.self), blocks: layout.blocks,
      title: layout.title, sourceMap: layout.map, lineIndex: LineIndex(source: layout.source))
    if let problem {
      document.warnings.append(
        "\(input.name): \(documentPath) is not well-formed XML at its line \(problem.line) (\(problem.message)); read the text that could be recovered"
      )
    }
    // As in plain text, a paragraph that starts with `fineprint-` is a suppression directive.
    document.comments = PlainTextIngester.directiveLines(layout.source)
    return document
  }

  /// The paragraphs laid out as a document: the visible text (blocks separated by a line
  /// break), the one-line-per-paragraph source, and the map between them.
  private struct Layout {
    var source: [UInt8] = []
    var text: [UInt8] = []
    var blocks: [Block] = []
    var map = SourceMap()
    var title: String?

    /// What a line break inside a paragraph is in the source: U+2028 LINE SEPARATOR.
    private static let lineSeparator: [UInt8] = [0xE2, 0x80, 0xA8]

    init(_ paragraphs: [DocxParagraph], styles: DocxStyles) {
      for (index, paragraph) in paragraphs.enumerated() {
        if index > 0 { source.append(0x0A) }
        let lineStart = source.count
        let bytes = paragraph.text
        // Where each byte of the paragraph stands in the source line.
        var sourceOffset: [Int] = []
        sourceOffset.reserveCapacity(bytes.count)
        for byte in bytes {
          sourceOffset.append(source.count - lineStart)
          if byte == 0x0A { source.append(contentsOf: Self.lineSeparator) } else { source.append(byte) }
        }
        let isBlank = { (b: UInt8) in b == 0x20 || b == 0x09 || b == 0x0A }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }),
          let last = bytes.lastIndex(where: { !isBlank($0) })
        else { continue }
        if !text.isEmpty { text.append(0x0A) }
        let blockStart = text.count
        var k = first
        while k <= last {
          if bytes[k] == 0x0A {
            let at = lineStart + sourceOffset[k]
            map.appendReplaced(textStart: text.count, textLength: 1, source: at..<(at + Self.lineSeparator.count))
            text.append(0x0A)
            k += 1
            continue
          }
          var end = k
          while end <= last && bytes[end] != 0x0A { end += 1 }
          map.appendVerbatim(textStart: text.count, sourceStart: lineStart + sourceOffset[k], length: end - k)
          text.append(contentsOf: bytes[k..<end])
          k = end
        }
        let (kind, level) = Self.kind(of: paragraph, styles: styles)
        blocks.append(Block(kind: kind, level: level, range: blockStart..<text.count))
        if title == nil, let style = paragraph.styleID, styles.isTitle(style) {
          title = String(decoding: bytes[first...last], as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
        }
      }
    }

    /// A heading when the paragraph's outline level or style makes it one (an outline level of
    /// 9 is body text, whatever the style), else a list item when it is numbered, else a table
    /// cell or a paragraph.
    private static func kind(of paragraph: DocxParagraph, styles: DocxStyles) -> (Block.Kind, Int) {
      switch paragraph.outlineLevel {
      case let outline? where (0..<9).contains(outline):
        return (.heading, outline + 1)
      case nil:
        if let style = paragraph.styleID, let level = styles.headingLevel(ofStyle: style) { return (.heading, level) }
      default:
        break
      }
      if let level = paragraph.listLevel { return (.listItem, level) }
      return paragraph.inTable ? (.tableCell, 0) : (.paragraph, 0)
    }
  }
}
