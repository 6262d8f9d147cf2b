import CLibXML2

/// Reads XML with libxml2, safely: no network, no DTD loading, no external entities, and no
/// entity expansion at all (entity declarations are not even stored), so "billion laughs"
/// and XXE documents are read as the harmless text they contain. Element boundaries are
/// block boundaries; Akoma Ntoso `num`/`heading`/`content` become section headings and
/// clauses, and `docTitle` the title.
public struct XMLIngester: Sendable {
  public init() {}

  public func ingest(_ input: InputSource) throws -> Document {
    let declared = CharsetSniffer.declaredCharset(input.bytes)
    let decoded = TextDecoding.decode(input.bytes, declaredCharset: declared)
    let source = decoded.utf8
    var problem: (line: Int, column: Int, message: String)?
    let reader = try source.withUnsafeBufferPointer { buffer -> MarkupReader in
      let reader = MarkupReader(mode: .xml, source: buffer)
      let parsed: Bool = buffer.withMemoryRebound(to: CChar.self) { chars in
        guard let context = xmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return false }
        defer { xmlFreeParserCtxt(context) }
        context.pointee.sax.pointee = MarkupReader.handler(cdataIsText: true)
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
          | XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
        xmlCtxtUseOptions(context, options)
        context.pointee.replaceEntities = 0
        reader.attach(to: context) { _ = xmlParseDocument(context) }
        if context.pointee.wellFormed == 0, let error = xmlCtxtGetLastError(context) {
          let message = error.pointee.message.map { String(cString: $0) }?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "not well-formed"
          problem = (Int(error.pointee.line), Int(error.pointee.int2), message)
        }
        return true
      }
      guard parsed else { throw IngestError.unreadable(path: input.name, reason: "the XML parser could not start") }
      reader.finish()
      return reader
    }
    let text = reader.builder.text
    if text.isEmpty {
      if let problem {
        throw IngestError.malformed(path: input.name, line: max(problem.line, 1), column: max(problem.column, 1),
                                    reason: "not well-formed XML: \(problem.message)")
      }
      throw IngestError.noVisibleText(path: input.name, reason: "the XML has no text content")
    }
    var document = Document(
      path: input.name, format: .xml, text: String(decoding: text, as: UTF8.self), blocks: reader.builder.blocks,
      title: reader.title, sourceMap: reader.builder.map, lineIndex: LineIndex(source: source))
    if let note = decoded.note { document.warnings.append("\(input.name): \(note)") }
    if let problem {
      document.warnings.append("\(input.name):\(problem.line):\(problem.column): not well-formed XML (\(problem.message)); read the text that could be recovered")
    }
    return document
  }
}

import Foundation
