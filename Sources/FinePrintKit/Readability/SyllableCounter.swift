/// Counts English syllables the way readability formulas expect: vowel groups, less a silent
/// final "e" (but not "-le" as in "table"), less "-ed" and "-es" endings that add no syllable,
/// at least one per word. Exact for common words, a close estimate for the rest — the same
/// trade-off Flesch's own counts made.
public enum SyllableCounter {
  /// Words whose count the rules below get wrong.
  static let exceptions: [String: Int] = [
    "the": 1, "business": 2, "every": 2, "everyone": 3, "somewhere": 2, "someone": 2, "area": 3, "idea": 3,
    "create": 2, "created": 3, "creates": 2, "react": 2, "being": 2, "doing": 2, "going": 2, "seeing": 2,
    "agreeing": 3, "agreed": 2, "agrees": 2, "agree": 2, "user": 2, "users": 2, "via": 2, "biometric": 4,
    "biometrics": 4, "data": 2, "science": 2, "video": 3, "audio": 3, "radio": 3, "period": 3, "area's": 3,
    "real": 1, "really": 2, "people": 2, "whereas": 2, "hereinafter": 5, "thereof": 2, "therein": 2,
    "notwithstanding": 4, "aforementioned": 4, "forthwith": 2, "hereby": 2, "herein": 2, "hereto": 2,
  ]

  /// a, e, i, o, u and y as bits of `c - "a"`.
  private static var vowelBits: UInt32 { 1 << 0 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24 }

  @inline(__always)
  static func isVowel(_ c: UInt8) -> Bool {
    let k = c &- UInt8(ascii: "a")
    return k < 26 && vowelBits >> UInt32(k) & 1 != 0
  }

  /// Syllables in one word (lower-case letters; anything else is ignored).
  public static func count(_ word: String) -> Int {
    let letters = Array(word.lowercased().utf8).filter { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    return letters.withUnsafeBufferPointer { count(letters: $0) }
  }

  /// The exceptions by the FNV-1a hash of their letters, so the hot path builds no strings:
  /// an open-addressed table probed linearly (a hash of 0 marks an empty slot), after two
  /// cheap tests most words fail: length and first letter.
  struct ExceptionTable: @unchecked Sendable {
    /// 256 slots, in memory that is never freed (the table is made once, as a static): an
    /// array's storage was retained and released for every clause scored, on every thread at
    /// once. Written only in `init`.
    let slots: UnsafeMutablePointer<(hash: UInt64, count: Int)> = {
      let slots = UnsafeMutablePointer<(hash: UInt64, count: Int)>.allocate(capacity: 256)
      slots.initialize(repeating: (0, 0), count: 256)
      return slots
    }()
    var longest = 0
    /// Bit `c - "a"` is set when an exception starts with letter c.
    var firstLetters: UInt32 = 0
    /// Bit `16 × (c - "a") + n` is set when an exception of `n` letters starts with letter c:
    /// nearly every word starts with a letter some exception starts with, and few have an
    /// exception's length too, so most words are told apart without hashing their letters.
    /// (A vector, not an array: the table is copied for every clause scored, on every thread,
    /// and an array's storage would be counted each time.)
    var firstLetterAndLength = SIMD8<UInt64>()

    init(_ words: [String: Int]) {
      for (word, n) in words {
        let letters = Array(word.utf8).filter { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        let hash = letters.withUnsafeBufferPointer(Vocabulary.hash)
        var slot = Int(hash & 255)
        while slots[slot].hash != 0 { slot = (slot + 1) & 255 }
        slots[slot] = (hash, n)
        precondition(letters.count < 16, "an exception of 16 letters or more needs a wider table")
        longest = max(longest, letters.count)
        if let first = letters.first {
          firstLetters |= 1 << UInt32(first - UInt8(ascii: "a"))
          let bit = 16 * Int(first - UInt8(ascii: "a")) + letters.count
          firstLetterAndLength[bit >> 6] |= 1 << UInt64(bit & 63)
        }
      }
    }

    /// The syllables of an exception word, or nil.
    @inline(__always)
    func count(_ letters: UnsafeBufferPointer<UInt8>) -> Int? {
      guard letters.count <= longest, let first = letters.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"),
        firstLetters & (1 << UInt32(first - UInt8(ascii: "a"))) != 0,
        case let bit = 16 * Int(first - UInt8(ascii: "a")) + letters.count,
        firstLetterAndLength[bit >> 6] >> UInt64(bit & 63) & 1 != 0
      else { return nil }
      let hash = Vocabulary.hash(letters)
      var slot = Int(hash & 255)
      while slots[slot].hash != 0 {
        if slots[slot].hash == hash { return slots[slot].count }
        slot = (slot + 1) & 255
      }
      return nil
    }
  }

  static let exceptionTable = ExceptionTable(exceptions)

  /// Syllables in a word given as lower-case ASCII letters.
  static func count(letters: UnsafeBufferPointer<UInt8>) -> Int {
    count(letters: letters, exceptions: exceptionTable)
  }

  /// `count(letters:)` with the exception table passed in, for callers that count many words.
  static func count(letters: UnsafeBufferPointer<UInt8>, exceptions table: ExceptionTable) -> Int {
    guard !letters.isEmpty else { return 0 }
    if let known = table.count(letters) { return known }
    if letters.count <= 3 { return 1 }
    var groups = 0
    var previousVowel = false
    for c in letters {
      let vowel = isVowel(c)
      if vowel && !previousVowel { groups += 1 }
      previousVowel = vowel
    }
    let n = letters.count
    let last = letters[n - 1]
    let beforeLast = letters[n - 2]
    // Silent final e: "make", "licence" — but "table", "people" keep theirs.
    if last == UInt8(ascii: "e") && !(beforeLast == UInt8(ascii: "l") && n > 2 && !isVowel(letters[n - 3])) {
      groups -= 1
    }
    // "-ed" after anything but t/d ("used", "shared") and "-es" after most consonants ("makes").
    if n > 3 && last == UInt8(ascii: "d") && beforeLast == UInt8(ascii: "e") {
      let stem = letters[n - 3]
      if stem != UInt8(ascii: "t") && stem != UInt8(ascii: "d") && !isVowel(stem) { groups -= 1 }
    }
    if n > 3 && last == UInt8(ascii: "s") && beforeLast == UInt8(ascii: "e") {
      let stem = letters[n - 3]
      let sibilant =
        stem == UInt8(ascii: "s") || stem == UInt8(ascii: "x") || stem == UInt8(ascii: "z")
        || stem == UInt8(ascii: "c") || stem == UInt8(ascii: "g") || stem == UInt8(ascii: "h")
      if !sibilant && !isVowel(stem) { groups -= 1 }
    }
    // "-ia", "-io", "-ua" are two syllables ("media", "ratio", "actual").
    for i in 1..<n
    where (letters[i - 1] == UInt8(ascii: "i") || letters[i - 1] == UInt8(ascii: "u"))
      && (letters[i] == UInt8(ascii: "a") || letters[i] == UInt8(ascii: "o"))
    {
      groups += 1
    }
    return max(1, groups)
  }
}
