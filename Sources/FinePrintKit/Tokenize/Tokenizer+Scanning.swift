/// What a character is to the tokenizer.
enum CharacterClass: UInt8 {
  case space, word, apostrophe, hyphen, dot, punctuation, ampersand, joiner, other
}

extension Tokenizer {
  /// ASCII classes, one table lookup per byte on the hot path.
  static let asciiClass: [CharacterClass] = (0..<128).map { value -> CharacterClass in
    let c = UInt8(value)
    switch c {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return .word
    case UInt8(ascii: "'"), UInt8(ascii: "`"): return .apostrophe
    case UInt8(ascii: "-"): return .hyphen
    case UInt8(ascii: "."): return .dot
    case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
      UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "$"), UInt8(ascii: "%"):
      return .punctuation
    case UInt8(ascii: "&"): return .ampersand
    case UInt8(ascii: "@"), UInt8(ascii: "_"): return .joiner
    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: return .space
    default: return .other
    }
  }

  /// Decodes the scalar at `i`, returning it and its length in bytes (U+FFFD for a bad byte).
  @inline(__always)
  static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (UInt32, Int) {
    let b0 = UInt32(p[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 >= 0xC2 && b0 < 0xE0 && i + 1 < end {
      return (((b0 & 0x1F) << 6) | (UInt32(p[i + 1]) & 0x3F), 2)
    }
    if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < end {
      return (((b0 & 0x0F) << 12) | ((UInt32(p[i + 1]) & 0x3F) << 6) | (UInt32(p[i + 2]) & 0x3F), 3)
    }
    if b0 >= 0xF0 && i + 3 < end {
      let v = ((b0 & 0x07) << 18) | ((UInt32(p[i + 1]) & 0x3F) << 12) | ((UInt32(p[i + 2]) & 0x3F) << 6)
      return (v | (UInt32(p[i + 3]) & 0x3F), 4)
    }
    return (0xFFFD, 1)
  }

  /// The class of a non-ASCII scalar, and its normalised replacement when it has one.
  static func classify(_ value: UInt32) -> (CharacterClass, String?) {
    switch value {
    case 0x2018, 0x2019, 0x02BC, 0x2032, 0xFF07: return (.apostrophe, nil)
    case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63, 0xFF0D: return (.hyphen, nil)
    case 0x00A7: return (.punctuation, "§")
    // Currency signs are words of their own, like "$": "€25 per session", "£[amount]".
    case 0x20AC: return (.punctuation, "€")
    case 0x00A3: return (.punctuation, "£")
    case 0x00A5: return (.punctuation, "¥")
    case 0x20B9: return (.punctuation, "₹")
    case 0x00A0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0x2028, 0x2029, 0x0085: return (.space, nil)
    case 0xFB00: return (.word, "ff")
    case 0xFB01: return (.word, "fi")
    case 0xFB02: return (.word, "fl")
    case 0xFB03: return (.word, "ffi")
    case 0xFB04: return (.word, "ffl")
    case 0xFB05, 0xFB06: return (.word, "st")
    case 0x00AD, 0x200C, 0x200D, 0xFEFF: return (.joiner, "")  // soft hyphen, zero-width joiners
    default:
      guard let scalar = Unicode.Scalar(value) else { return (.other, nil) }
      let properties = scalar.properties
      if properties.isAlphabetic || properties.numericType != nil || properties.isDiacritic {
        let lower = properties.lowercaseMapping
        return (.word, lower.unicodeScalars.count == 1 && lower.unicodeScalars.first == scalar ? nil : lower)
      }
      if properties.isWhitespace { return (.space, nil) }
      return (.other, nil)
    }
  }

  static func scan<R: WordResolver>(_ bytes: [UInt8], range: Range<Int>, resolver: inout R, into out: inout [Token]) {
    bytes.withUnsafeBufferPointer { p in
      var scanner = WordScanner(p: p, end: min(range.upperBound, p.count))
      scanner.run(from: max(range.lowerBound, 0), resolver: &resolver, into: &out)
    }
  }
}
