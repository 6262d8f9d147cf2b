import CLibXML2
import Foundation

/// An element or attribute name: its namespace URI and its local name, whatever prefix the
/// file happened to bind the namespace to.
struct XMLName: Hashable {
  var namespace: String
  var local: String
}

/// The attributes of the element being started. Valid only during the `start` call it is
/// passed to (it points into the parser's memory).
struct XMLAttributes {
  fileprivate let pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  fileprivate let count: Int

  /// The value of the attribute `local` in `namespace` ("" for an attribute without a prefix).
  subscript(_ namespace: String, _ local: String) -> String? {
    guard let pointer else { return nil }
    for i in 0..<count {
      // Five pointers per attribute: local name, prefix, URI, value start, value end.
      let base = i * 5
      guard let name = pointer[base], String(cString: name) == local else { continue }
      let uri = pointer[base + 2].map { String(cString: $0) } ?? ""
      guard uri == namespace, let start = pointer[base + 3], let end = pointer[base + 4] else { continue }
      return String(decoding: UnsafeBufferPointer(start: start, count: start.distance(to: end)), as: UTF8.self)
    }
    return nil
  }
}

/// What a namespace-aware SAX parse reports to.
protocol NamespacedXMLHandler: AnyObject {
  func start(_ name: XMLName, attributes: XMLAttributes)
  func end(_ name: XMLName)
  /// Character data (entities and character references already decoded), in UTF-8.
  func characters(_ text: UnsafeBufferPointer<UInt8>)
}

/// Parses XML with libxml2's namespace-aware SAX2 interface and the options of `MarkupParse`
/// (no network, no DTD, no entity expansion), for formats whose elements are told apart by
/// namespace (Office Open XML). Nothing is built but what the handler keeps.
enum NamespacedXMLParser {
  /// Where the XML stopped being well-formed (the parser recovers and goes on).
  struct Problem: Equatable {
    var line: Int
    var column: Int
    var message: String
    /// Elements nested deeper than the limit: the parse stopped there.
    var tooDeep = false
  }

  /// libxml2's own limit on nesting without `XML_PARSE_HUGE`.
  static let libxml2DefaultDepth = 256

  /// Parses `bytes` (any encoding `TextDecoding` reads) into `handler`, stopping at the first
  /// element nested deeper than `maxDepth` (libxml2 alone stops at 256, or 2048 with
  /// `XML_PARSE_HUGE`, which a larger limit turns on).
  /// - Returns: libxml2's last error when the XML was not well-formed (or the parser could not
  ///   start), or the place where elements nested too deep; nil when all went well.
  static func parse(_ bytes: [UInt8], into handler: NamespacedXMLHandler, maxDepth: Int = Limits.standard.maxDepth) -> Problem? {
    LibXML2.prepare()
    // A NUL would end the parse there (libxml2 reads a C string): read it as U+FFFD.
    let source = MarkupParse.replacingNUL(TextDecoding.decode(bytes, declaredCharset: CharsetSniffer.declaredCharset(bytes)).utf8)
      .bytes
    let box = Unmanaged.passRetained(SAXHandlerBox(handler, maxDepth: maxDepth))
    defer { box.release() }
    return source.withUnsafeBufferPointer { buffer -> Problem? in
      buffer.withMemoryRebound(to: CChar.self) { chars -> Problem? in
        guard chars.count <= Int(Int32.max) else { return Problem(line: 1, column: 1, message: "larger than 2 GB") }
        guard let context = xmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else {
          return Problem(line: 1, column: 1, message: "the XML parser could not start")
        }
        defer { xmlFreeParserCtxt(context) }
        context.pointee.sax.pointee = saxHandler()
        let huge = maxDepth > libxml2DefaultDepth ? Int32(XML_PARSE_HUGE.rawValue) : 0
        xmlCtxtUseOptions(context, MarkupParse.safeXMLOptions | huge)
        context.pointee.replaceEntities = 0
        // Callbacks get `userData`: the handler, not the parser context (see `MarkupParse.refuseEntities`).
        context.pointee.userData = box.toOpaque()
        box.takeUnretainedValue().context = context
        defer {
          context.pointee.userData = UnsafeMutableRawPointer(context)
          box.takeUnretainedValue().context = nil
        }
        _ = xmlParseDocument(context)
        if let line = box.takeUnretainedValue().tooDeepAtLine {
          return Problem(line: line, column: 1, message: "elements nested more than \(maxDepth) deep", tooDeep: true)
        }
        guard context.pointee.wellFormed == 0, let error = xmlCtxtGetLastError(context) else { return nil }
        let message =
          error.pointee.message.map { String(cString: $0) }?
          .trimmingCharacters(in: .whitespacesAndNewlines) ?? "not well-formed"
        return Problem(line: max(Int(error.pointee.line), 1), column: max(Int(error.pointee.int2), 1), message: message)
      }
    }
  }

  /// Elements and text go to the handler; everything else (entity declarations, comments,
  /// processing instructions, external subsets) is ignored.
  private static func saxHandler() -> xmlSAXHandler {
    var sax = xmlSAXHandler()
    sax.initialized = UInt32(XML_SAX2_MAGIC)
    sax.startElementNs = { ctx, local, _, uri, _, _, attributeCount, _, attributes in
      guard let ctx, let local else { return }
      let box = Unmanaged<SAXHandlerBox>.fromOpaque(ctx).takeUnretainedValue()
      guard box.enter() else { return }
      box.handler.start(name(local, uri), attributes: XMLAttributes(pointer: attributes, count: Int(attributeCount)))
    }
    sax.endElementNs = { ctx, local, _, uri in
      guard let ctx, let local else { return }
      let box = Unmanaged<SAXHandlerBox>.fromOpaque(ctx).takeUnretainedValue()
      guard box.tooDeepAtLine == nil else { return }
      box.depth -= 1
      box.handler.end(name(local, uri))
    }
    sax.characters = { ctx, ch, len in
      guard let handler = handler(ctx), let ch, len > 0 else { return }
      handler.characters(UnsafeBufferPointer(start: ch, count: Int(len)))
    }
    sax.cdataBlock = sax.characters
    sax.ignorableWhitespace = sax.characters
    // Entities the document declares are noted, never stored or expanded (see `MarkupParse.unexpandedEntity`).
    sax.entityDecl = { ctx, name, _, _, _, _ in
      guard let ctx, let name else { return }
      Unmanaged<SAXHandlerBox>.fromOpaque(ctx).takeUnretainedValue().declaredEntities.insert(String(cString: name))
    }
    sax.getEntity = { ctx, name in
      guard let ctx else { return nil }
      return MarkupParse.entity(name, declared: Unmanaged<SAXHandlerBox>.fromOpaque(ctx).takeUnretainedValue().declaredEntities)
    }
    sax.getParameterEntity = { _, _ in nil }
    return sax
  }
}

// MARK: - libxml2 callbacks

/// Holds the handler for the C callbacks (a protocol existential cannot be passed as a pointer).
private final class SAXHandlerBox {
  let handler: NamespacedXMLHandler
  /// The general entities the document's DOCTYPE declares.
  var declaredEntities: Set<String> = []
  let maxDepth: Int
  var depth = 0
  /// The parser, to stop it at an element nested too deep.
  var context: UnsafeMutablePointer<xmlParserCtxt>?
  /// The line of the first element nested deeper than `maxDepth`.
  var tooDeepAtLine: Int?

  init(_ handler: NamespacedXMLHandler, maxDepth: Int) {
    self.handler = handler
    self.maxDepth = maxDepth
  }

  /// Counts an element in; false (and the parse stopped) when it is one too deep.
  func enter() -> Bool {
    guard tooDeepAtLine == nil else { return false }
    guard depth < maxDepth else {
      tooDeepAtLine = context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 1
      if let context { xmlStopParser(context) }
      return false
    }
    depth += 1
    return true
  }
}

/// The handler behind a callback's context: the parser's `userData`, set to the box.
private func handler(_ ctx: UnsafeMutableRawPointer?) -> NamespacedXMLHandler? {
  guard let ctx else { return nil }
  return Unmanaged<SAXHandlerBox>.fromOpaque(ctx).takeUnretainedValue().handler
}

private func name(_ local: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?) -> XMLName {
  XMLName(namespace: uri.map { String(cString: $0) } ?? "", local: String(cString: local))
}
