import CLibXML2
import Foundation

/// What the markup reader needs to know of an element from its name alone (which sets of
/// `MarkupElements` it is in, what block it makes), found once per name.
struct ElementFacts {
  /// The local name, lower-cased (`MarkupReader.localName`).
  let name: String
  let isHTMLHidden: Bool
  let isXMLHidden: Bool
  let isHTMLBlock: Bool
  let isXMLInline: Bool
  /// An Akoma Ntoso hierarchy element; a page's content (`main`, `article`).
  let isHierarchy: Bool
  let isContent: Bool
  let blockKind: Block.Kind?
  let headingLevel: Int?
  let isListEntry: Bool

  init(_ name: String) {
    self.name = name
    isHTMLHidden = MarkupElements.htmlHidden.contains(name)
    isXMLHidden = MarkupElements.xmlHidden.contains(name)
    isHTMLBlock = MarkupElements.htmlBlocks.contains(name)
    isXMLInline = MarkupElements.xmlInline.contains(name)
    isHierarchy = MarkupElements.aknHierarchy.contains(name)
    isContent = MarkupElements.htmlContent.contains(name)
    switch name {
    case "h1", "h2", "h3", "h4", "h5", "h6": blockKind = .heading
    case "li", "dt", "dd": blockKind = .listItem
    case "td", "th": blockKind = .tableCell
    case "pre": blockKind = .preformatted
    default: blockKind = nil
    }
    headingLevel = name.utf8.count == 2 && name.hasPrefix("h") ? Int(name.dropFirst()) : nil
    isListEntry = name == "li" || name == "dd" || name == "dt"
  }
}

/// The facts of the element names a parse has met, by the address libxml2 passes the name at.
///
/// libxml2 interns names in its dictionary, so a page of 100,000 elements passes a few dozen
/// addresses: each start and end tag made a `String` of its name and hashed it into half a
/// dozen sets. An address is trusted only when the bytes there are still the name it was
/// first seen with, so a name passed from memory that is reused reads right, only slower.
struct ElementNames {
  private var known: [UnsafeRawPointer: (raw: [UInt8], facts: ElementFacts)] = [:]
  /// Past this many addresses (names that are not interned), names are read anew every time.
  static let capacity = 4096

  mutating func facts(of raw: UnsafePointer<xmlChar>) -> ElementFacts {
    let key = UnsafeRawPointer(raw)
    if let entry = known[key], Self.holds(raw, entry.raw) { return entry.facts }
    let facts = ElementFacts(MarkupReader.localName(String(cString: raw)))
    if known.count < Self.capacity || known[key] != nil {
      known[key] = (Array(UnsafeBufferPointer(start: raw, count: strlen(raw))), facts)
    }
    return facts
  }

  /// Whether the C string at `raw` is `bytes` (which hold no NUL).
  private static func holds(_ raw: UnsafePointer<xmlChar>, _ bytes: [UInt8]) -> Bool {
    for i in bytes.indices where raw[i] != bytes[i] { return false }
    return raw[bytes.count] == 0
  }
}
