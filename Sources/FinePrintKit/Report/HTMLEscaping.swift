/// Escapes text for HTML content and attributes: `XMLEscaping` (& < > " ' escaped, C0 controls
/// dropped), and also dropping what HTML calls a parse error in text: DEL, the C1 controls
/// (mis-decoded Windows-1252 leaves them in real pages) and the noncharacters.
enum HTMLEscaping {
  static func escape(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: forbidden) else { return XMLEscaping.escape(text) }
    var kept = String.UnicodeScalarView()
    kept.append(contentsOf: text.unicodeScalars.lazy.filter { !forbidden($0) })
    return XMLEscaping.escape(String(kept))
  }

  static func forbidden(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
  }
}
