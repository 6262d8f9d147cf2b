/// Splits a run of text into sentences, scanning UTF-8 bytes once: a sentence ends at `.`,
/// `!` or `?` (after any closing quotes or brackets) when white space and the start of a new
/// sentence follow — not after an abbreviation, an initial or inside parentheses.
enum SentenceScanner {
  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }
  private static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
  private static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
  private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  /// Whether the scan stops at a byte: a bracket or a sentence's final punctuation
  /// (`( ) [ ] . ! ?`), by byte value. In memory that is never freed, read through a pointer
  /// (one load a byte, where testing bits took a branch on the byte's half first); written once,
  /// before any read.
  nonisolated(unsafe) private static let isMark: UnsafePointer<Bool> = {
    let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
    for b in 0..<256 { (table + b).initialize(to: false) }
    for mark in "()[].!?".utf8 { table[Int(mark)] = true }
    return UnsafePointer(table)
  }()

  /// Closing quotes and brackets that may follow the final punctuation.
  private static func closer(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Int {
    let b = bytes[i]
    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") || b == UInt8(ascii: "]") { return 1 }
    // ” ’ » (UTF-8: E2 80 9D, E2 80 99, C2 BB)
    if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9D || bytes[i + 2] == 0x99 { return 3 }
    if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xBB { return 2 }
    return 0
  }

  /// Whether a new sentence can start at `i` (its first non-space byte).
  private static func opensSentence(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Bool {
    guard i < end else { return false }
    let b = bytes[i]
    if isUpper(b) || isDigit(b) { return true }
    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "(") || b == UInt8(ascii: "[") || b == UInt8(ascii: "'") { return true }
    if b == 0xE2 || b == 0xC2 { return true }  // “ ‘ « § and bullets
    if b >= 0xC3 && b < 0xE0 { return true }  // accented capitals (É, Ü…) and other letters
    return false
  }

  /// Sentence ranges within `range`, trimmed of white space; empty pieces are dropped.
  static func sentences(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var start = range.lowerBound
    var depth = 0
    var i = range.lowerBound
    let end = range.upperBound
    func emit(_ upper: Int) {
      var a = start
      var b = upper
      while a < b && isSpace(bytes[a]) { a += 1 }
      while b > a && isSpace(bytes[b - 1]) { b -= 1 }
      if a < b { out.append(a..<b) }
    }
    while i < end {
      // Most bytes are none of the marks below: skipped in raw memory, by one test each.
      let marks = isMark
      i = bytes.withUnsafeBufferPointer { p in
        var j = i
        while j < end && !marks[Int(p[j])] { j += 1 }
        return j
      }
      guard i < end else { break }
      let c = bytes[i]
      if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") {
        depth += 1
      } else if (c == UInt8(ascii: ")") || c == UInt8(ascii: "]")) && depth > 0 {
        depth -= 1
      } else if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") {
        var j = i + 1
        while j < end && (bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: "!") || bytes[j] == UInt8(ascii: "?")) {
          j += 1
        }
        var closed = false
        while j < end {
          let n = closer(bytes, j, end)
          if n == 0 { break }
          if bytes[j] == UInt8(ascii: ")") || bytes[j] == UInt8(ascii: "]") {
            if depth > 0 { depth -= 1 }
          }
          j += n
          closed = true
        }
        guard j < end, isSpace(bytes[j]) else {
          i = j
          continue
        }
        var k = j
        while k < end && isSpace(bytes[k]) { k += 1 }
        let isPeriod = c == UInt8(ascii: ".")
        let abbreviation =
          isPeriod && !closed && j == i + 1
          && Abbreviations.isAbbreviation(bytes, wordEnd: i, lowerBound: start)
        // A long parenthesis does not hold a sentence hostage: reset after 400 bytes.
        if depth > 0 && i - start > 400 { depth = 0 }
        if depth == 0 && !abbreviation && (k == end || opensSentence(bytes, k, end)) {
          emit(j)
          start = k
        }
        i = k
        continue
      }
      i += 1
    }
    emit(end)
    return out
  }
}
