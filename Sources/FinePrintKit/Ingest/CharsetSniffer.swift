/// Finds the character set an HTML or XML document declares for itself: `<meta charset>`,
/// the HTTP-equivalent `Content-Type` meta, or the XML declaration's `encoding`.
enum CharsetSniffer {
  /// The declared charset, lower-cased, from the first 4 KB; nil when none is declared.
  static func declaredCharset(_ bytes: [UInt8]) -> String? {
    let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
    for marker in ["charset=", "encoding="] {
      var searchStart = head.startIndex
      while let range = head.range(of: marker, range: searchStart..<head.endIndex) {
        var value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        value = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        if !value.isEmpty { return String(value) }
        searchStart = range.upperBound
      }
    }
    return nil
  }
}
