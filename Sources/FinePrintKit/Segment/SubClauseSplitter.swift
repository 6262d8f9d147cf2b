/// Splits a sentence that runs a list of obligations together — "You agree not to: (a) copy
/// the service; (b) resell it; and (c) reverse engineer it." — at the semicolons between its
/// items. A semicolon splits only when an enumerated item (`(b)`, `ii)`) follows it, or when
/// a colon introduces three or more semicolon-separated items; ordinary semicolons stay.
enum SubClauseSplitter {
  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
  private static let joiners: [[UInt8]] = ["and ", "or ", "and/or "].map { Array($0.utf8) }

  static func pieces(_ bytes: [UInt8], _ sentence: Range<Int>) -> [Range<Int>] {
    // Most sentences hold no semicolon, and so no items.
    guard bytes.firstIndex(of: UInt8(ascii: ";"), in: sentence) != nil else { return [sentence] }
    var semicolons: [Int] = []
    var colon: Int?
    var depth = 0
    for i in sentence {
      switch bytes[i] {
      case UInt8(ascii: "("): depth += 1
      case UInt8(ascii: ")"): depth = max(0, depth - 1)
      case UInt8(ascii: ";") where depth == 0: semicolons.append(i)
      case UInt8(ascii: ":") where depth == 0 && colon == nil: colon = i
      default: break
      }
    }
    guard !semicolons.isEmpty else { return [sentence] }
    func itemFollows(_ i: Int) -> Bool {
      var j = i + 1
      while j < sentence.upperBound && isSpace(bytes[j]) { j += 1 }
      for u in joiners where j + u.count <= sentence.upperBound && bytes[j..<(j + u.count)].elementsEqual(u) {
        j += u.count
      }
      return ListMarker.at(bytes, j, end: sentence.upperBound).map { $0.style != .bullet } ?? false
    }
    let enumerated = semicolons.filter(itemFollows)
    let cuts: [Int]
    if !enumerated.isEmpty {
      cuts = enumerated
    } else if let colon, semicolons.filter({ $0 > colon }).count >= 2 {
      cuts = semicolons.filter { $0 > colon }
    } else {
      return [sentence]
    }
    var out: [Range<Int>] = []
    var start = sentence.lowerBound
    for cut in cuts {
      out.append(start..<(cut + 1))
      start = cut + 1
      while start < sentence.upperBound && isSpace(bytes[start]) { start += 1 }
    }
    if start < sentence.upperBound { out.append(start..<sentence.upperBound) }
    return out
  }

  /// The words before the first item of a split sentence ("You agree not to:"), if any.
  static func leadIn(_ bytes: [UInt8], _ first: Range<Int>) -> Range<Int>? {
    var depth = 0
    for i in first {
      if bytes[i] == UInt8(ascii: ":") && depth == 0 { return first.lowerBound..<(i + 1) }
      if bytes[i] == UInt8(ascii: "(") {
        if let marker = ListMarker.at(bytes, i, end: first.upperBound), marker.style != .bullet, i > first.lowerBound {
          return first.lowerBound..<i
        }
        depth += 1
      }
      if bytes[i] == UInt8(ascii: ")") { depth = max(0, depth - 1) }
    }
    return nil
  }
}
