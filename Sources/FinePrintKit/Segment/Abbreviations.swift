/// Abbreviations that end with a period without ending a sentence ("e.g.", "Inc.", "U.S.",
/// "Sec."). Compared case-insensitively on the word before the period.
enum Abbreviations {
  static let words: Set<String> = [
    "e.g", "i.e", "eg", "ie", "viz", "cf", "vs", "v", "al", "seq", "ibid", "id", "approx", "incl", "esp", "ca", "etc.,",
    "inc", "ltd", "co", "corp", "llc", "l.l.c", "llp", "plc", "pty", "s.a", "n.v", "b.v", "ag", "gmbh", "s.r.l", "bros",
    "u.s", "u.k", "e.u", "u.s.a", "u.n", "d.c", "n.y", "cal", "civ", "stat", "u.s.c", "c.f.r", "reg", "dir", "ann",
    "no", "nos", "sec", "secs", "art", "arts", "para", "paras", "p", "pp", "ch", "cl", "subs", "sch", "fig", "vol",
    "dr", "mr", "mrs", "ms", "st", "jr", "sr", "prof", "hon", "gen", "rev", "ave", "blvd", "rd", "ste", "dept", "est",
    "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "wed", "thu", "fri", "sat", "sun", "tel", "ext", "min", "max", "govt", "intl", "assn", "ref", "resp",
    "cm", "mm", "km", "kg", "lbs", "lb", "oz", "ft", "sq", "approx", "nr", "tab", "annex", "cap",
  ]

  /// Whether the word that ends at `end` (exclusive, just before a period) is an
  /// abbreviation or an initial.
  static func isAbbreviation(_ bytes: [UInt8], wordEnd end: Int, lowerBound: Int) -> Bool {
    var start = end
    while start > lowerBound {
      let b = bytes[start - 1]
      let isWordByte = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: ".") || b >= 0x80
      if !isWordByte { break }
      start -= 1
    }
    guard start < end else { return false }
    // A single capital letter is an initial ("J. Smith", "A. Definitions" is handled as a marker).
    if end - start == 1, bytes[start] >= 0x41, bytes[start] <= 0x5A { return true }
    let word = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
    if words.contains(word) { return true }
    // Dotted acronyms: "U.S.", "e.g.", "N.B."
    if bytes[start..<end].contains(UInt8(ascii: ".")) && word.split(separator: ".").allSatisfy({ $0.count == 1 }) {
      return true
    }
    return false
  }
}
