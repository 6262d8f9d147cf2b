/// A list or section marker at the start of a line or clause: `1.`, `1.1`, `2.3.4`, `(a)`,
/// `(iv)`, `a)`, `A.`, `IV.`, `§ 3`, `Section 3`, `Article 4`, bullets (`•`, `-`, `*`).
struct ListMarker: Equatable {
  enum Style: Equatable {
    case decimal(depth: Int)
    case letter
    case roman
    case bullet
    case section
  }

  var style: Style
  /// Bytes the marker takes, not counting the space after it.
  var length: Int
  var text: String

  /// Depth for heading paths: `1.` is 1, `1.1` is 2, `(a)` and bullets are below numbers.
  var depth: Int {
    switch style {
    case .decimal(let depth): return depth
    case .section: return 1
    case .letter, .roman: return 4
    case .bullet: return 5
    }
  }

  private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
  private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
  private static let bullets: [[UInt8]] = ["•", "·", "▪", "‣", "◦", "–", "—", "○", "■", "►"].map { Array($0.utf8) }
  private static let sectionWords: [[UInt8]] = [
    "§", "Section", "SECTION", "Article", "ARTICLE", "Clause", "CLAUSE", "Part",
    "PART", "Chapter", "CHAPTER",
  ].map { Array($0.utf8) }
  private static let romanLetters: Set<UInt8> = Array("ivxlcdmIVXLCDM".utf8).reduce(into: []) { $0.insert($1) }

  /// The marker starting at `start`, if there is one followed by white space (and text).
  static func at(_ bytes: [UInt8], _ start: Int, end: Int) -> ListMarker? {
    guard start < end else { return nil }
    func followedBySpace(_ i: Int) -> Bool {
      i < end && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0xC2 || bytes[i] == 0x0A || bytes[i] == 0x0D)
    }
    func make(_ style: Style, _ i: Int) -> ListMarker {
      ListMarker(style: style, length: i - start, text: String(decoding: bytes[start..<i], as: UTF8.self))
    }
    let b = bytes[start]
    // Bullets: - * • · ▪ ‣ –
    if (b == UInt8(ascii: "-") || b == UInt8(ascii: "*")) && followedBySpace(start + 1) { return make(.bullet, start + 1) }
    if b >= 0x80 {
      for u in bullets
      where start + u.count <= end && bytes[start..<(start + u.count)].elementsEqual(u)
        && followedBySpace(start + u.count)
      {
        return make(.bullet, start + u.count)
      }
    }
    // (a) (iv) (1) and a) iv) 1)
    if b == UInt8(ascii: "(") || isLetter(b) || isDigit(b) {
      var i = b == UInt8(ascii: "(") ? start + 1 : start
      let inner = i
      while i < end && i - inner < 6 && (isLetter(bytes[i]) || isDigit(bytes[i])) { i += 1 }
      if i > inner, i < end, bytes[i] == UInt8(ascii: ")"), followedBySpace(i + 1) {
        let body = bytes[inner..<i]
        if body.allSatisfy(isDigit) { return make(.decimal(depth: 3), i + 1) }
        if body.allSatisfy({ romanLetters.contains($0) }) && body.count > 1 { return make(.roman, i + 1) }
        if body.count == 1 && isLetter(body.first!) { return make(.letter, i + 1) }
        if body.allSatisfy({ romanLetters.contains($0) }) { return make(.roman, i + 1) }
      }
    }
    // 1. 1.1 2.3.4 (with or without a final period), 12.
    if isDigit(b) {
      var i = start
      var depth = 1
      while i < end && isDigit(bytes[i]) { i += 1 }
      guard i - start <= 3 else { return nil }
      while i + 1 < end && bytes[i] == UInt8(ascii: ".") && isDigit(bytes[i + 1]) {
        depth += 1
        i += 1
        while i < end && isDigit(bytes[i]) { i += 1 }
      }
      if i < end && bytes[i] == UInt8(ascii: ".") { i += 1 } else if depth == 1 { return nil }
      return followedBySpace(i) ? make(.decimal(depth: depth), i) : nil
    }
    // A. B. / IV. (a capital letter or a roman numeral, then a period)
    if isLetter(b) {
      var i = start
      while i < end && i - start < 5 && isLetter(bytes[i]) { i += 1 }
      if i < end, bytes[i] == UInt8(ascii: "."), followedBySpace(i + 1) {
        let body = bytes[start..<i]
        if body.count == 1 && b >= 0x41 && b <= 0x5A { return make(.letter, i + 1) }
        if body.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A && romanLetters.contains($0) }) { return make(.roman, i + 1) }
      }
    }
    // § 3, Section 3, Article 4, Clause 7, Part II
    guard b == 0xC2 || b == UInt8(ascii: "S") || b == UInt8(ascii: "A") || b == UInt8(ascii: "C") || b == UInt8(ascii: "P")
    else { return nil }
    for p in sectionWords {
      guard start + p.count < end, bytes[start..<(start + p.count)].elementsEqual(p) else { continue }
      var i = start + p.count
      while i < end && bytes[i] == 0x20 { i += 1 }
      let numberStart = i
      while i < end && (isDigit(bytes[i]) || bytes[i] == UInt8(ascii: ".") || romanLetters.contains(bytes[i])) { i += 1 }
      while i > numberStart && bytes[i - 1] == UInt8(ascii: ".") && !(i < end && bytes[i] == 0x20) { i -= 1 }
      if i > numberStart && (i == end || bytes[i] == 0x20 || bytes[i] == UInt8(ascii: ":") || bytes[i] == UInt8(ascii: ".")) {
        if i < end && (bytes[i] == UInt8(ascii: ":") || bytes[i] == UInt8(ascii: ".")) { i += 1 }
        return make(.section, i)
      }
    }
    return nil
  }
}
