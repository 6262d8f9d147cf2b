import CLibXML2
import Foundation

/// Reads HTML or XML through libxml2's SAX interface into visible text, blocks and a source
/// map. SAX, not a DOM: positions come from the parser's input cursor at each text run
/// (checked against the source bytes), and nothing is built that is not needed.
final class MarkupReader {
  enum Mode { case html, xml }

  private struct Open {
    var name: String
    var isBlock: Bool
    var listNumber: String?
    /// Read from the name once, when the element opens: a block's kind and level are looked
    /// up through the whole stack every time a block begins.
    var blockKind: Block.Kind?
    var headingLevel: Int?
    var isListEntry: Bool
    /// What the stack up to and including this element says, so that a block's kind, level
    /// and number are read from the top of the stack, not by walking it: walking made 100,000
    /// nested `<div>`s quadratic (six minutes).
    var innermostKind: Block.Kind?
    /// The innermost heading's level, or `nil` with `inListEntry` when a list entry is nearer.
    var innermostHeadingLevel: Int?
    var inListEntry = false
    /// The number of the innermost `li`, if any.
    var innermostListNumber: String?
    /// How many Akoma Ntoso hierarchy elements are open, this one included.
    var hierarchyDepth = 0
    /// Whether this element or one around it is a page's content (`main`, `article`).
    var insideContent = false

    /// Whether the name is an Akoma Ntoso hierarchy element, or a page's content (`main`,
    /// `article`): read from the name once.
    var isHierarchy: Bool
    var isContent: Bool

    init(_ facts: ElementFacts, isBlock: Bool, listNumber: String?) {
      self.name = facts.name
      self.isBlock = isBlock
      self.listNumber = listNumber
      blockKind = facts.blockKind
      headingLevel = facts.headingLevel
      isListEntry = facts.isListEntry
      isHierarchy = facts.isHierarchy
      isContent = facts.isContent
    }

    /// Fills in what the stack says, given the element it is pushed on.
    mutating func inherit(from parent: Open?) {
      innermostKind = blockKind ?? parent?.innermostKind
      if let headingLevel {
        innermostHeadingLevel = headingLevel
      } else if isListEntry {
        inListEntry = true
      } else {
        innermostHeadingLevel = parent?.innermostHeadingLevel
        inListEntry = parent?.inListEntry ?? false
      }
      innermostListNumber = name == "li" ? listNumber : parent?.innermostListNumber
      hierarchyDepth = (parent?.hierarchyDepth ?? 0) + (isHierarchy ? 1 : 0)
      insideContent = parent?.insideContent == true || isContent
    }
  }

  let mode: Mode
  private let source: UnsafeBufferPointer<UInt8>
  /// How deeply elements may nest: past it the parse stops (`Limits.maxDepth`). Each open
  /// element costs a stack entry, so 50 MB of `<div>` took 2 GB and 39 s before there was one.
  let maxDepth: Int
  /// The source offset of the first element nested deeper than `maxDepth`, once one is met.
  private(set) var tooDeepAt: Int?
  private(set) var builder = VisibleTextBuilder()
  private(set) var title: String?
  /// Comments that may hold FinePrint directives.
  private(set) var comments: [SourceComment] = []
  private var stack: [Open] = []
  /// The facts of each element name met so far.
  private var names = ElementNames()
  /// How many `pre` or `textarea` elements are open: their text keeps its white space.
  private var preservingDepth = 0
  private var hiddenFrom: Int?
  private var titleFrom: Int?
  private var titleText: [UInt8] = []
  private var lists: [(ordered: Bool, next: Int, type: String)] = []
  /// Akoma Ntoso: a `num` has opened a heading block that its `heading` (or content) continues.
  private var afterNumber = false
  private var lastEnd = 0
  /// The general entities the document's DOCTYPE declares.
  fileprivate var declaredEntities: Set<String> = []
  fileprivate var context: UnsafeMutablePointer<xmlParserCtxt>?

  init(mode: Mode, source: UnsafeBufferPointer<UInt8>, maxDepth: Int = Limits.standard.maxDepth) {
    self.mode = mode
    self.source = source
    self.maxDepth = maxDepth
  }

  // MARK: - Elements

  /// The local name, lower-cased (`w:p` → `p`); libxml2's HTML parser already lowers names,
  /// so the common case builds no new string.
  static func localName(_ rawName: String) -> String {
    var plain = true
    for b in rawName.utf8 where b == UInt8(ascii: ":") || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || b >= 0x80 {
      plain = false
      break
    }
    if plain { return rawName }
    return rawName.split(separator: ":").last.map { String($0).lowercased() } ?? rawName.lowercased()
  }

  func startElement(_ rawName: String, attributes: MarkupAttributes) {
    startElement(ElementFacts(Self.localName(rawName)), attributes: attributes)
  }

  /// `startElement` of a name from the parser: its facts are found once per name (`names`).
  func startElement(_ rawName: UnsafePointer<xmlChar>, attributes: MarkupAttributes) {
    startElement(names.facts(of: rawName), attributes: attributes)
  }

  private func startElement(_ facts: ElementFacts, attributes: MarkupAttributes) {
    guard stack.count < maxDepth, tooDeepAt == nil else {
      if tooDeepAt == nil {
        tooDeepAt = currentOffset()
        if let context { xmlStopParser(context) }
      }
      return
    }
    let name = facts.name
    if (mode == .html && name == "title") || (mode == .xml && name == "doctitle") {
      if titleFrom == nil { titleFrom = stack.count }
    }
    let hides: Bool
    switch mode {
    case .html:
      hides =
        facts.isHTMLHidden || attributes.hidden
        || attributes.style.map(MarkupElements.styleHides) == true
        || MarkupElements.isSiteChrome(name, role: attributes.role, insideContent: stack.last?.insideContent == true)
    case .xml:
      hides = facts.isXMLHidden
    }
    if hiddenFrom == nil && hides && !(mode == .html && name == "title") { hiddenFrom = stack.count }
    let isBlock: Bool = mode == .html ? facts.isHTMLBlock || name == "br" : !facts.isXMLInline
    var open = Open(facts, isBlock: isBlock && name != "br", listNumber: nil)
    if name == "ul" || name == "ol" || name == "menu" {
      let start = attributes.start.flatMap { Int($0) } ?? 1
      lists.append((name == "ol", start, attributes.type ?? "1"))
    }
    if name == "li", let last = lists.last, last.ordered {
      open.listNumber = MarkupElements.listMarker(last.next, type: last.type)
      lists[lists.count - 1].next += 1
    }
    open.inherit(from: stack.last)
    stack.append(open)
    if name == "pre" || name == "textarea" { preservingDepth += 1 }
    guard hiddenFrom == nil else { return }
    if mode == .xml {
      startXMLBlock(name)
    } else if isBlock {
      builder.beginBlock(kindFromStack(), level: levelFromStack(), number: numberFromStack())
    }
  }

  func endElement(_ rawName: String) {
    guard tooDeepAt == nil else { return }
    endElement(named: Self.localName(rawName))
  }

  /// `endElement` of a name from the parser, read through `names`.
  func endElement(_ rawName: UnsafePointer<xmlChar>) {
    guard tooDeepAt == nil else { return }
    endElement(named: names.facts(of: rawName).name)
  }

  private func endElement(named name: String) {
    guard let index = stack.lastIndex(where: { $0.name == name }) else { return }
    // By index, not through a slice: a slice alive while the stack shrinks made every end
    // tag copy the whole stack (100,000 nested <div>s: minutes).
    var closedBlock = false
    while stack.count > index {
      let element = stack.removeLast()
      closedBlock = closedBlock || element.isBlock
      if element.name == "ul" || element.name == "ol" || element.name == "menu" {
        if !lists.isEmpty { lists.removeLast() }
      } else if element.name == "pre" || element.name == "textarea" {
        preservingDepth -= 1
      }
    }
    if let from = titleFrom, stack.count <= from {
      titleFrom = nil
      // Once a title is found, later ones are neither kept nor read: the text of every title
      // of a page of many was split into words again at each one's end.
      if title == nil {
        let text = String(decoding: titleText, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if !text.isEmpty { title = text }
      }
    }
    if let from = hiddenFrom {
      if stack.count <= from { hiddenFrom = nil }
      return
    }
    if mode == .xml {
      endXMLBlock(name)
    } else if closedBlock {
      builder.beginBlock(kindFromStack(), level: levelFromStack(), number: numberFromStack())
    }
  }

  private func startXMLBlock(_ name: String) {
    let depth = max(1, stack.last?.hierarchyDepth ?? 0)
    if name == "num" {
      builder.beginBlock(.heading, level: depth)
      afterNumber = true
      return
    }
    if afterNumber {
      if name == "heading" || name == "subheading" { return }
      if MarkupElements.xmlInline.contains(name) { return }
      // A number followed by text, not a heading: "(a) the text" is a list item.
      if name == "content" || name == "intro" || name == "blocklist" {
        builder.setKind(.listItem, level: depth)
        return
      }
      if name == "p" {
        builder.setKind(.listItem, level: depth)
        afterNumber = false
        return
      }
    }
    afterNumber = false
    guard !MarkupElements.xmlInline.contains(name) else { return }
    if MarkupElements.xmlHeadings.contains(name) {
      builder.beginBlock(.heading, level: depth)
    } else {
      builder.beginBlock(.paragraph)
    }
  }

  private func endXMLBlock(_ name: String) {
    if name == "num" && afterNumber {
      builder.appendSeparator()
      return
    }
    if MarkupElements.xmlInline.contains(name) { return }
    afterNumber = false
    builder.beginBlock(.paragraph)
  }

  private func kindFromStack() -> Block.Kind {
    stack.last?.innermostKind ?? .paragraph
  }

  /// The innermost heading's level, or the list depth inside a list entry, else 0.
  private func levelFromStack() -> Int {
    guard let top = stack.last else { return 0 }
    if top.inListEntry { return max(1, lists.count) }
    return top.innermostHeadingLevel ?? 0
  }

  private func numberFromStack() -> String? {
    stack.last?.innermostListNumber
  }

  private var preserving: Bool { preservingDepth > 0 }

  // MARK: - Text

  /// A run of text from the parser; `end` is the source offset just past it, as the parser
  /// reports it.
  func characters(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) {
    if titleFrom != nil && title == nil { titleText.append(contentsOf: bytes) }
    guard hiddenFrom == nil, !bytes.isEmpty else { return }
    if let start = locate(bytes, end: end) {
      builder.appendVerbatim(bytes, sourceStart: start, preserve: preserving)
      lastEnd = start + bytes.count
      return
    }
    if bytes.count > 8, let pieces = alignSkippingControls(bytes, end: end) {
      for piece in pieces {
        builder.appendVerbatim(UnsafeBufferPointer(rebasing: bytes[piece.text]), sourceStart: piece.source, preserve: preserving)
      }
      lastEnd = pieces.last.map { $0.source + $0.text.count } ?? lastEnd
      return
    }
    let span = entitySpan(endingAt: min(max(end, lastEnd), source.count))
    builder.appendReplaced(Array(bytes), source: span, preserve: preserving)
    lastEnd = span.upperBound
  }

  /// A run that is the source with some control characters left out: libxml2's HTML parser
  /// drops the characters XML forbids (a form feed, U+0001–U+0008…) from text. Without this,
  /// a paragraph holding one form feed was mapped as one replaced span, and every finding in
  /// it pointed at the paragraph's start. Aligned backwards from where the parser stands (and
  /// a few bytes either side); the pieces copied verbatim, in order, or nil.
  private func alignSkippingControls(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) -> [(text: Range<Int>, source: Int)]? {
    func droppable(_ b: UInt8) -> Bool { (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F }
    for shift in [0, 1, 2, 3, 4, -1, -2, -3, -4] {
      var i = bytes.count - 1
      var j = min(end + shift, source.count) - 1
      var pieces: [(text: Range<Int>, source: Int)] = []
      var pieceEnd = i + 1
      var skipped = 0
      while i >= 0 && j >= lastEnd && skipped <= 64 {
        if source[j] == bytes[i] {
          i -= 1
          j -= 1
        } else if droppable(source[j]) {
          if pieceEnd > i + 1 { pieces.append(((i + 1)..<pieceEnd, j + 1)) }
          pieceEnd = i + 1
          skipped += 1
          j -= 1
        } else {
          break
        }
      }
      guard i < 0, skipped > 0 else { continue }
      if pieceEnd > 0 { pieces.append((0..<pieceEnd, j + 1)) }
      return pieces.reversed()
    }
    return nil
  }

  /// Where in the source a run that was copied verbatim starts, if it was.
  private func locate(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int? {
    let n = bytes.count
    // The parser reads forward: a run never starts before the previous one ended. A copy found
    // earlier (a shifted or searched match on a mangled page such as ".\u{C} <t<head>") made
    // the source map run backwards: an inverted range trapped, and findings were placed
    // outside their clauses.
    func matches(_ start: Int) -> Bool {
      guard start >= lastEnd, start + n <= source.count else { return false }
      var i = 0
      while i < n {
        if source[start + i] != bytes[i] { return false }
        i += 1
      }
      return true
    }
    if matches(end - n) { return end - n }
    // An entity ends here: the run is its decoded text, not a copy.
    // An entity's decoded text is a few bytes at most; a long run is a copy even when a
    // semicolon happens to stand where the parser says the run ends.
    if n <= 8, end - 1 >= 0, end - 1 < source.count, source[end - 1] == UInt8(ascii: ";"), bytes.last != UInt8(ascii: ";") {
      return nil
    }
    // libxml2 flushes long runs early and reports an end a character short.
    for shift in [1, 2, 3, 4, -1, -2, -3, -4] where matches(end - n + shift) { return end - n + shift }
    // After a DOCTYPE with an internal subset, libxml2 reports a run with its cursor still at
    // the run's start; past 4 KiB of DOCTYPE the forward search below never got there, and the
    // run was mapped to the start of the file (every finding at 1:1).
    if matches(end) { return end }
    // Last resort: search forward from the end of the previous run.
    var start = lastEnd
    let limit = min(source.count - n, lastEnd + 4096)
    while start <= limit {
      if matches(start) { return start }
      start += 1
    }
    return nil
  }

  /// The `&…;` (or `&…`) span that ends at `end`, else what lies between the last run and `end`.
  private func entitySpan(endingAt end: Int) -> Range<Int> {
    var i = end - 1
    let floor = max(lastEnd, end - 40)
    while i >= floor {
      if source[i] == UInt8(ascii: "&") { return i..<end }
      i -= 1
    }
    return min(lastEnd, end)..<end
  }

  /// A comment; kept only when it speaks to FinePrint.
  func comment(_ text: String, end: Int) {
    guard text.contains("fineprint-") else { return }
    // The parser stands just past "-->"; find where "<!--" began.
    var start = max(0, min(end, source.count) - 4)
    while start > 0
      && !(source[start] == UInt8(ascii: "<") && start + 3 < source.count && source[start + 1] == UInt8(ascii: "!")
        && source[start + 2] == UInt8(ascii: "-") && source[start + 3] == UInt8(ascii: "-"))
    {
      start -= 1
    }
    comments.append(SourceComment(text: text.trimmingCharacters(in: .whitespacesAndNewlines), range: start..<end))
  }

  /// The source offset just past what the parser has consumed.
  fileprivate func currentOffset() -> Int {
    guard let input = context?.pointee.input?.pointee, let base = input.base, let cur = input.cur else { return lastEnd }
    return Int(input.consumed) + base.distance(to: cur)
  }

  func finish() {
    builder.endBlock()
  }
}

// MARK: - libxml2 callbacks

/// The reader behind a SAX callback's context: the parser's `userData`, which `attach` sets to
/// the reader (not left as the parser context: see `MarkupParse.refuseEntities`).
private func reader(_ ctx: UnsafeMutableRawPointer?) -> MarkupReader? {
  guard let ctx else { return nil }
  return Unmanaged<MarkupReader>.fromOpaque(ctx).takeUnretainedValue()
}

/// The attributes the reader looks at, from libxml2's name/value list; the others are skipped
/// without building strings (most elements carry classes, ids and links, none of them read).
struct MarkupAttributes {
  var hidden = false
  var style: String?
  /// The ARIA role (`navigation`, `banner`, `contentinfo`…), lower-cased.
  var role: String?
  var start: String?
  var type: String?

  init(_ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    guard let atts else { return }
    var i = 0
    while let name = atts[i] {
      let value = atts[i + 1]
      i += 2
      switch Self.packed(name) {
      case Self.hiddenName: hidden = true
      case Self.styleName: style = value.map { String(cString: $0) } ?? ""
      case Self.roleName: role = value.map { String(cString: $0).lowercased() } ?? ""
      case Self.startName: start = value.map { String(cString: $0) } ?? ""
      case Self.typeName: type = value.map { String(cString: $0) } ?? ""
      default: continue
      }
    }
  }

  /// Up to 7 bytes of an attribute name, ASCII lower-cased, packed in an integer (0 for a longer
  /// name): the four names read compare without building a string.
  private static func packed(_ name: UnsafePointer<xmlChar>) -> UInt64 {
    var value: UInt64 = 0
    var i = 0
    while name[i] != 0 {
      guard i < 7 else { return 0 }
      let b = name[i]
      value = value << 8 | UInt64(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b)
      i += 1
    }
    return value
  }

  private static func packed(_ name: String) -> UInt64 {
    name.utf8.reduce(0) { $0 << 8 | UInt64($1) }
  }

  // Packed once: packing the names compared against took as long as reading the attributes.
  private static let hiddenName = packed("hidden")
  private static let styleName = packed("style")
  private static let roleName = packed("role")
  private static let startName = packed("start")
  private static let typeName = packed("type")
}

extension MarkupReader {
  /// A SAX handler that sends elements and text to the reader and ignores everything else:
  /// no entity declarations are stored and no external entity is ever loaded.
  static func handler(cdataIsText: Bool) -> xmlSAXHandler {
    var handler = xmlSAXHandler()
    handler.startElement = { ctx, name, atts in
      guard let reader = reader(ctx), let name else { return }
      reader.startElement(name, attributes: MarkupAttributes(atts))
    }
    handler.endElement = { ctx, name in
      guard let reader = reader(ctx), let name else { return }
      reader.endElement(name)
    }
    handler.characters = { ctx, ch, len in
      guard let reader = reader(ctx), let ch, len > 0 else { return }
      reader.characters(UnsafeBufferPointer(start: ch, count: Int(len)), end: reader.currentOffset())
    }
    handler.ignorableWhitespace = handler.characters
    handler.comment = { ctx, value in
      guard let reader = reader(ctx), let value else { return }
      reader.comment(String(cString: value), end: reader.currentOffset())
    }
    // Entities the document declares are noted, never stored or expanded (see `MarkupParse.unexpandedEntity`).
    handler.entityDecl = { ctx, name, _, _, _, _ in
      guard let reader = reader(ctx), let name else { return }
      reader.declaredEntities.insert(String(cString: name))
    }
    handler.getEntity = { ctx, name in MarkupParse.entity(name, declared: reader(ctx)?.declaredEntities ?? []) }
    handler.getParameterEntity = { _, _ in nil }
    if cdataIsText {
      handler.cdataBlock = { ctx, ch, len in
        guard let reader = reader(ctx), let ch, len > 0 else { return }
        reader.characters(UnsafeBufferPointer(start: ch, count: Int(len)), end: reader.currentOffset())
      }
    }
    return handler
  }

  /// Attaches the reader to a parser context for the duration of `body`.
  func attach<T>(to context: UnsafeMutablePointer<xmlParserCtxt>, _ body: () -> T) -> T {
    let unmanaged = Unmanaged.passRetained(self)
    // Callbacks get `userData`; while it is the parser context, libxml2 looks entities up in
    // its own store behind the handler's back (see `MarkupParse.refuseEntities`).
    context.pointee.userData = unmanaged.toOpaque()
    self.context = context
    defer {
      context.pointee.userData = UnsafeMutableRawPointer(context)
      self.context = nil
      unmanaged.release()
    }
    return body()
  }
}
