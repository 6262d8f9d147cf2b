/// Escapes text for XML attributes and content (JUnit, Checkstyle), dropping characters XML 1.0 forbids.
enum XMLEscaping {
  /// Text content: line breaks and tabs stay as they are.
  static func escape(_ text: String) -> String { escape(text, attribute: false) }

  /// An attribute value: a parser normalises raw line breaks and tabs in one to spaces, so
  /// they are written as character references (`&#10;`, `&#13;`, `&#9;`) and read back whole.
  static func attribute(_ text: String) -> String { escape(text, attribute: true) }

  private static func escape(_ text: String, attribute: Bool) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t": if attribute { out += "&#9;" } else { out.unicodeScalars.append(scalar) }
      case "\n": if attribute { out += "&#10;" } else { out.unicodeScalars.append(scalar) }
      // A raw CR in content would be read back as a line feed.
      case "\r": out += "&#13;"
      default:
        if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }
}
