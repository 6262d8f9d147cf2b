import CLibXML2
import Foundation

/// One SAX parse of an HTML or XML input into a `MarkupReader`: the steps both ingesters
/// share — transcode to UTF-8 first (libxml2's own converter breaks offsets on large files),
/// create a memory parser, install the reader's handler, parse, and note the first error.
struct MarkupParse {
  /// The transcoded source the positions refer to.
  let source: [UInt8]
  let reader: MarkupReader
  /// What `TextDecoding` did, for a warning.
  let decodingNote: String?
  /// The lines of `source`, indexed while libxml2 parses it.
  let lineIndex: LineIndex
  /// libxml2's last error when the input was not well-formed (XML only).
  let problem: (line: Int, column: Int, message: String)?

  /// libxml2's options for XML from anyone: recover what can be read, stay quiet, never touch
  /// the network, and read the bytes as the UTF-8 they were transcoded to. No XML_PARSE_NOENT
  /// or DTDLOAD: entities are never substituted, nothing is loaded (set `replaceEntities` to 0
  /// as well).
  static let safeXMLOptions = Int32(
    XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
      | XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue)

  /// - Throws: `IngestError.tooDeep` when elements nest deeper than `maxDepth`, `.tooLarge`
  ///   past 2 GB, `.unreadable` when the parser cannot start.
  init(_ input: InputSource, mode: MarkupReader.Mode, maxDepth: Int = Limits.standard.maxDepth) throws {
    var input = input
    try self.init(releasing: &input, mode: mode, maxDepth: maxDepth)
  }

  /// `init(_:mode:maxDepth:)` that empties `input.bytes` once they are transcoded: an input
  /// that was not UTF-8 was held twice (raw and transcoded) while libxml2 held a third copy.
  init(releasing input: inout InputSource, mode: MarkupReader.Mode, maxDepth: Int = Limits.standard.maxDepth) throws {
    LibXML2.prepare()
    let decoded = TextDecoding.decode(input.bytes, declaredCharset: CharsetSniffer.declaredCharset(input.bytes))
    input.bytes = []
    let (cleaned, nuls) = Self.replacingNUL(decoded.utf8)
    source = cleaned
    // A large source's lines are indexed on another thread while libxml2 parses it: built
    // after the parse, the index was a few per cent of ingesting a page, on the thread that
    // every later stage waits for.
    let indexed = OrderedResults<LineIndex>(count: 1)
    let indexing = DispatchGroup()
    let concurrently = cleaned.count >= PlainTextIngester.concurrentSize
    if concurrently {
      DispatchQueue.global().async(group: indexing) { indexed.set(0, LineIndex(source: cleaned)) }
    }
    defer { indexing.wait() }
    decodingNote =
      [decoded.note, nuls > 0 ? "\(nuls) NUL byte\(nuls == 1 ? "" : "s") read as U+FFFD" : nil]
      .compactMap { $0 }.joined(separator: "; ").nilIfEmpty
    var problem: (line: Int, column: Int, message: String)?
    reader = try source.withUnsafeBufferPointer { buffer -> MarkupReader in
      let reader = MarkupReader(mode: mode, source: buffer, maxDepth: maxDepth)
      // libxml2 takes an Int32 length: a larger input (one that grew in transcoding) is refused, not trapped.
      guard buffer.count <= Int(Int32.max) else {
        throw IngestError.tooLarge(path: input.name, bytes: buffer.count, limit: Int(Int32.max))
      }
      let parsed: Bool = buffer.withMemoryRebound(to: CChar.self) { chars in
        let created =
          mode == .html
          ? htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count))
          : xmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count))
        guard let context = created else { return false }
        defer { mode == .html ? htmlFreeParserCtxt(context) : xmlFreeParserCtxt(context) }
        context.pointee.sax.pointee = MarkupReader.handler(cdataIsText: mode == .xml)
        switch mode {
        case .html:
          htmlCtxtUseOptions(
            context,
            Int32(
              HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NOIMPLIED.rawValue))
          context.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)
          reader.attach(to: context) { _ = htmlParseDocument(context) }
        case .xml:
          xmlCtxtUseOptions(context, MarkupParse.safeXMLOptions)
          context.pointee.replaceEntities = 0
          reader.attach(to: context) { _ = xmlParseDocument(context) }
          if context.pointee.wellFormed == 0, let error = xmlCtxtGetLastError(context) {
            let message =
              error.pointee.message.map { String(cString: $0) }?
              .trimmingCharacters(in: .whitespacesAndNewlines) ?? "not well-formed"
            problem = (Int(error.pointee.line), Int(error.pointee.int2), message)
          }
        }
        return true
      }
      guard parsed else {
        throw IngestError.unreadable(path: input.name, reason: "the \(mode == .html ? "HTML" : "XML") parser could not start")
      }
      reader.finish()
      return reader
    }
    if let offset = reader.tooDeepAt {
      let line = source[..<min(offset, source.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
      throw IngestError.tooDeep(path: input.name, line: line, limit: maxDepth)
    }
    self.problem = problem
    indexing.wait()
    lineIndex = concurrently ? indexed.values[0] ?? LineIndex(source: source) : LineIndex(source: source)
  }

  /// Keeps a DOCTYPE's entities from ever being expanded. Without XML_PARSE_NOENT and with
  /// `replaceEntities` 0, libxml2 2.9 still stores every internal entity declaration in a
  /// document of its own ("for expat compatibility in SAX mode"), looks a reference up there
  /// when the handler's `getEntity` finds nothing and `userData` is the parser context, and
  /// then parses the entity's content into the `characters` callback at every reference: a
  /// 109 kB `.xml` referencing one 100 kB entity 3,000 times took 1.5 GB and 50 s, and nested
  /// entities reach gigabytes from a 785-byte `.docx`.
  ///
  /// So the parse runs with `userData` set to the reader (callbacks get it as their context),
  /// which turns libxml2's own look-up off, and the handler's `getEntity` answers with the five
  /// predefined entities (`&amp;` and its kin), or for an entity the document declared, with
  /// this one: a predefined entity whose text is one space, which libxml2 copies and never
  /// parses. A reference to a declared entity reads as a space (mapped to the reference); one
  /// to an undeclared entity is an error, as it always was.
  nonisolated(unsafe) static let unexpandedEntity: UnsafeMutablePointer<xmlEntity> = {
    let entity = UnsafeMutablePointer<xmlEntity>.allocate(capacity: 1)
    entity.initialize(to: xmlEntity())
    entity.pointee.type = XML_ENTITY_DECL
    entity.pointee.etype = XML_INTERNAL_PREDEFINED_ENTITY
    let space = UnsafeMutablePointer<xmlChar>.allocate(capacity: 2)
    space[0] = 0x20
    space[1] = 0
    entity.pointee.content = space
    entity.pointee.length = 1
    return entity
  }()

  /// The entity `getEntity` returns for `name`: a predefined one, the stand-in for one the
  /// document declared, else nil.
  static func entity(_ name: UnsafePointer<xmlChar>?, declared: Set<String>) -> UnsafeMutablePointer<xmlEntity>? {
    guard let name else { return nil }
    if let predefined = xmlGetPredefinedEntity(name) { return predefined }
    return declared.contains(String(cString: name)) ? unexpandedEntity : nil
  }

  /// libxml2 reads a memory buffer as a C string: a NUL byte ends the document there, so one
  /// NUL after the first 64 KiB (which `InputGuard` checks) hid the rest of a page, with no
  /// finding and exit 0. As HTML parsers do, a NUL is read as U+FFFD REPLACEMENT CHARACTER:
  /// one code point for one, so lines and columns stay those of the file.
  static func replacingNUL(_ bytes: [UInt8]) -> (bytes: [UInt8], count: Int) {
    // Counted with memchr: a byte at a time, the count took a tenth of ingesting a large page.
    let count = bytes.withUnsafeBytes { raw -> Int in
      guard var at = raw.baseAddress else { return 0 }
      let end = at + raw.count
      var n = 0
      while at < end, let found = memchr(at, 0, end - at) {
        n += 1
        at = UnsafeRawPointer(found) + 1
      }
      return n
    }
    guard count > 0 else { return (bytes, 0) }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 2 * count)
    for byte in bytes {
      if byte == 0 { out += [0xEF, 0xBF, 0xBD] } else { out.append(byte) }
    }
    return (out, count)
  }

  /// The document, once the caller has checked there is text.
  func document(_ input: InputSource, format: DocumentFormat) -> Document {
    var document = Document(
      path: input.name, format: format, utf8: reader.builder.text,
      blocks: reader.builder.blocks, title: reader.title, sourceMap: reader.builder.map,
      lineIndex: lineIndex)
    if let note = decodingNote { document.warnings.append("\(input.name): \(note)") }
    document.comments = reader.comments
    return document
  }
}

extension String {
  fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
