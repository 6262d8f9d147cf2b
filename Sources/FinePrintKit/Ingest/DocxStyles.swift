/// The paragraph styles of a Word document (`word/styles.xml`) that make headings. A style is
/// a heading when its name is a built-in heading's (`heading 1`, whatever its ID: Word names
/// built-in styles in English even where the ID is `berschrift1`), when it sets an outline
/// level, or when it is based on such a style.
struct DocxStyles {
  /// What one style says by itself.
  private struct Style {
    var name: String?
    var basedOn: String?
    var outlineLevel: Int?
  }

  private var styles: [String: Style] = [:]

  /// No styles part: headings are known by their style IDs alone.
  init() {}

  /// Reads `word/styles.xml`; what cannot be read is left out.
  init(xml: [UInt8]) {
    let reader = Reader()
    _ = NamespacedXMLParser.parse(xml, into: reader)
    styles = reader.styles
  }

  /// The heading level of paragraphs in the style `id`, nil when they are not headings.
  func headingLevel(ofStyle id: String) -> Int? {
    var current: String? = id
    var seen: Set<String> = []
    while let styleID = current, seen.insert(styleID).inserted {
      guard let style = styles[styleID] else { return WordprocessingML.headingLevel(styleName: styleID) }
      if let outline = style.outlineLevel { return outline < 9 ? outline + 1 : nil }
      if let name = style.name, let level = WordprocessingML.headingLevel(styleName: name) { return level }
      current = style.basedOn
    }
    return nil
  }

  /// Whether the style `id` is the document title's (`Title`).
  func isTitle(_ id: String) -> Bool {
    let name = styles[id]?.name ?? id
    return name.lowercased() == "title"
  }

  /// Collects `w:style` elements of type paragraph: name, basedOn and outline level.
  private final class Reader: NamespacedXMLHandler {
    var styles: [String: Style] = [:]
    private var currentID: String?
    private var depth = 0
    private var styleDepth = 0
    private var inParagraphProperties = false

    func start(_ name: XMLName, attributes: XMLAttributes) {
      depth += 1
      guard WordprocessingML.namespaces.contains(name.namespace) else { return }
      let ns = name.namespace
      if name.local == "style" {
        let type = attributes[ns, "type"] ?? "paragraph"
        currentID = type == "paragraph" ? attributes[ns, "styleId"] : nil
        styleDepth = depth
        if let id = currentID { styles[id] = Style() }
        return
      }
      guard let id = currentID else { return }
      switch name.local {
      case "name" where depth == styleDepth + 1:
        styles[id]?.name = WordprocessingML.value(attributes, namespace: ns)
      case "basedOn" where depth == styleDepth + 1:
        styles[id]?.basedOn = WordprocessingML.value(attributes, namespace: ns)
      case "pPr" where depth == styleDepth + 1:
        inParagraphProperties = true
      case "outlineLvl" where inParagraphProperties && depth == styleDepth + 2:
        styles[id]?.outlineLevel = WordprocessingML.value(attributes, namespace: ns).flatMap { Int($0) }
      default:
        break
      }
    }

    func end(_ name: XMLName) {
      if depth == styleDepth + 1 { inParagraphProperties = false }
      if depth == styleDepth { currentID = nil }
      depth -= 1
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
  }
}
