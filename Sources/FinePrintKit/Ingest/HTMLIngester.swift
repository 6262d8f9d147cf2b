import CLibXML2

/// Reads HTML with libxml2's tolerant HTML parser: only what a reader sees (no scripts,
/// styles, head, comments or hidden elements), entities decoded, block elements as
/// boundaries, headings known as headings, and every character mapped back to its source.
public struct HTMLIngester: Sendable {
  public init() {}

  public func ingest(_ input: InputSource) throws -> Document {
    // Transcode to UTF-8 ourselves (BOM, then the declared charset, else UTF-8 with a
    // Windows-1252 fallback): libxml2's own converter breaks offsets on large files.
    let declared = CharsetSniffer.declaredCharset(input.bytes)
    let decoded = TextDecoding.decode(input.bytes, declaredCharset: declared)
    let source = decoded.utf8
    let reader = try source.withUnsafeBufferPointer { buffer -> MarkupReader in
      let reader = MarkupReader(mode: .html, source: buffer)
      let parsed: Bool = buffer.withMemoryRebound(to: CChar.self) { chars in
        guard let context = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return false }
        defer { htmlFreeParserCtxt(context) }
        context.pointee.sax.pointee = MarkupReader.handler(cdataIsText: false)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
          | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        htmlCtxtUseOptions(context, options)
        context.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)
        reader.attach(to: context) { _ = htmlParseDocument(context) }
        return true
      }
      guard parsed else { throw IngestError.unreadable(path: input.name, reason: "the HTML parser could not start") }
      reader.finish()
      return reader
    }
    let text = reader.builder.text
    guard !text.isEmpty else {
      throw IngestError.noVisibleText(path: input.name, reason: "the HTML has no visible text (only markup, scripts or hidden parts)")
    }
    var document = Document(
      path: input.name, format: .html, text: String(decoding: text, as: UTF8.self), blocks: reader.builder.blocks,
      title: reader.title, sourceMap: reader.builder.map, lineIndex: LineIndex(source: source))
    if let note = decoded.note { document.warnings.append("\(input.name): \(note)") }
    return document
  }
}
