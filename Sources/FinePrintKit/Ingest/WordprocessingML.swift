/// The vocabulary of Office Open XML's WordprocessingML (the XML inside a `.docx`): its
/// namespaces and how its properties are written.
enum WordprocessingML {
  /// The main namespace, transitional (as Word writes it) and strict.
  static let namespaces: Set<String> = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
  ]
  /// `mc:AlternateContent`: a `Choice` for newer readers and a `Fallback` that repeats it.
  static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
  /// The namespace of `xml:space`.
  static let xml = "http://www.w3.org/XML/1998/namespace"

  /// Whether `name` is the WordprocessingML element `local`.
  static func isElement(_ name: XMLName, _ local: String) -> Bool {
    name.local == local && namespaces.contains(name.namespace)
  }

  /// The `w:val` of an element of the namespace `namespace`.
  static func value(_ attributes: XMLAttributes, namespace: String) -> String? {
    attributes[namespace, "val"]
  }

  /// Whether an on/off property (`<w:vanish/>`, `<w:vanish w:val="false"/>`) is on.
  static func isOn(_ attributes: XMLAttributes, namespace: String) -> Bool {
    guard let value = value(attributes, namespace: namespace) else { return true }
    return !["false", "0", "off"].contains(value.lowercased())
  }

  /// The heading level a style ID or style name promises by itself: `Heading1`…`Heading9`,
  /// `heading 1`…, and `Title` (level 1). Nil for any other style.
  static func headingLevel(styleName: String) -> Int? {
    let compact = styleName.lowercased().filter { $0 != " " }
    if compact == "title" { return 1 }
    guard compact.hasPrefix("heading"), let level = Int(compact.dropFirst("heading".count)), (1...9).contains(level) else {
      return nil
    }
    return level
  }
}
