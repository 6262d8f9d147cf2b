/// The tokenizer's inner loop over one range of UTF-8 bytes.
struct WordScanner: ~Copyable {
  let p: UnsafeBufferPointer<UInt8>
  let end: Int
  private var scratch = WordBuffer()
  /// `Tokenizer.asciiClass`, read once: a static is checked for initialisation at every use.
  private let asciiClass: [CharacterClass]

  init(p: UnsafeBufferPointer<UInt8>, end: Int) {
    self.p = p
    self.end = end
    asciiClass = Tokenizer.asciiClass
  }

  /// The ASCII bytes of class `.word` (letters and digits), as bits of two words.
  private static let wordBitsLow: UInt64 = 0x03FF_0000_0000_0000
  private static let wordBitsHigh: UInt64 = 0x07FF_FFFE_07FF_FFFE

  @inline(__always)
  static func isASCIIWordByte(_ b: UInt8) -> Bool {
    // The half of the table is picked without a branch: this runs on every byte of a word.
    let bits = b < 64 ? wordBitsLow : wordBitsHigh
    return b < 128 && bits >> UInt64(b & 63) & 1 != 0
  }

  @inline(__always)
  private func characterClass(_ i: Int) -> (CharacterClass, Int, UInt32) {
    let b = p[i]
    if b < 0x80 { return (asciiClass[Int(b)], 1, UInt32(b)) }
    let (value, length) = Tokenizer.decode(p, i, end)
    return (Tokenizer.classify(value).0, length, value)
  }

  mutating func run<R: WordResolver>(from start: Int, resolver: inout R, into out: inout [Token]) {
    var i = start
    while i < end {
      let (cls, length, value) = characterClass(i)
      switch cls {
      case .word:
        i = scanWord(from: i, resolver: &resolver, into: &out)
      case .punctuation:
        scratch.removeAll()
        // A non-ASCII mark is the word its class names: "§", or a currency sign ("€", "£").
        if value < 0x80 {
          scratch.append(UInt8(value))
        } else {
          scratch.append(contentsOf: (Tokenizer.classify(value).1 ?? "§").utf8)
        }
        emit(i..<(i + length), resolver: &resolver, into: &out)
        i += length
      case .dot:
        var j = i + 1
        while j < end && p[j] == UInt8(ascii: ".") { j += 1 }
        scratch.removeAll()
        scratch.append(UInt8(ascii: "."))
        emit(i..<j, resolver: &resolver, into: &out)
        i = j
      case .ampersand:
        emitWord("and", i..<(i + length), resolver: &resolver, into: &out)
        i += length
      default:
        i += length
      }
    }
  }

  private func isWordCharacter(at i: Int) -> Bool {
    guard i < end else { return false }
    return characterClass(i).0 == .word
  }

  /// Scans one word starting at `start`; returns the offset after it.
  private mutating func scanWord<R: WordResolver>(from start: Int, resolver: inout R, into out: inout [Token]) -> Int {
    scratch.removeAll()
    var i = start
    while i < end {
      // Most of a word is ASCII letters and digits: found by one bit test each, then copied
      // (lowered and hashed) in one go.
      var j = i
      while j < end && Self.isASCIIWordByte(p[j]) { j += 1 }
      if j > i {
        scratch.appendLoweringASCII(p, i..<j)
        i = j
      }
      guard i < end else { break }
      let (cls, length, value) = characterClass(i)
      switch cls {
      case .word:
        appendNormalized(value, at: i, length: length)
        i += length
      case .joiner:
        if value == UInt32(UInt8(ascii: "@")) || value == UInt32(UInt8(ascii: "_")) {
          guard isWordCharacter(at: i + 1) else { return finish(start, i, resolver: &resolver, into: &out) }
          scratch.append(UInt8(value))
        }
        i += length
      case .dot:
        guard isWordCharacter(at: i + 1) else { return finish(start, i, resolver: &resolver, into: &out) }
        scratch.append(UInt8(ascii: "."))
        i += 1
      case .apostrophe:
        return apostrophe(start, at: i, length: length, resolver: &resolver, into: &out)
      default:
        return finish(start, i, resolver: &resolver, into: &out)
      }
    }
    return finish(start, i, resolver: &resolver, into: &out)
  }

  private mutating func appendNormalized(_ value: UInt32, at i: Int, length: Int) {
    if value < 0x80 {
      let b = UInt8(value)
      scratch.append(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b)
    } else if let replacement = Tokenizer.classify(value).1 {
      scratch.append(contentsOf: replacement.utf8)
    } else {
      scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<(i + length)]))
    }
  }

  /// Handles an apostrophe inside or after a word: contractions, possessives, elisions.
  private mutating func apostrophe<R: WordResolver>(
    _ start: Int, at i: Int, length: Int, resolver: inout R, into out: inout [Token]
  ) -> Int {
    var j = i + length
    var suffix = ""
    while j < end, p[j] < 0x80, asciiClass[Int(p[j])] == .word, p[j] > UInt8(ascii: "9") {
      suffix.unicodeScalars.append(Unicode.Scalar(p[j] | 0x20))
      j += 1
    }
    if j < end, isWordCharacter(at: j) { suffix = "?" }  // more letters follow: not a contraction
    switch suffix {
    case "t" where scratch.count > 1 && scratch.last == UInt8(ascii: "n"):
      scratch.removeLast()
      let base = String(decoding: scratch.bytes, as: UTF8.self)
      let expanded = ["ca": "can", "wo": "will", "sha": "shall", "ai": "is"][base] ?? base
      emitWord(expanded, start..<(i - 1), resolver: &resolver, into: &out)
      emitWord("not", (i - 1)..<j, resolver: &resolver, into: &out)
      return j
    case "s":
      _ = finish(start, i, resolver: &resolver, into: &out)
      return j
    case "re", "ll", "ve", "d", "m":
      _ = finish(start, i, resolver: &resolver, into: &out)
      let word = ["re": "are", "ll": "will", "ve": "have", "d": "would", "m": "am"][suffix]!
      emitWord(word, i..<j, resolver: &resolver, into: &out)
      return j
    case "":
      return finish(start, i, resolver: &resolver, into: &out) + length
    default:
      // An elision inside a word (o'clock, d'Alene): keep going as one word.
      scratch.append(UInt8(ascii: "'"))
      var k = i + length
      while k < end {
        let (cls, l, value) = characterClass(k)
        guard cls == .word else { break }
        appendNormalized(value, at: k, length: l)
        k += l
      }
      return finish(start, k, resolver: &resolver, into: &out)
    }
  }

  private static let cannot: [UInt8] = Array("cannot".utf8)

  /// Emits the word in `scratch` for `start..<end`; `cannot` becomes `can` `not`.
  private mutating func finish<R: WordResolver>(_ start: Int, _ stop: Int, resolver: inout R, into out: inout [Token])
    -> Int
  {
    if scratch.count == 6, scratch.bytes.elementsEqual(Self.cannot) {
      emitWord("can", start..<stop, resolver: &resolver, into: &out)
      emitWord("not", start..<stop, resolver: &resolver, into: &out)
      return stop
    }
    emit(start..<stop, resolver: &resolver, into: &out)
    return stop
  }

  private mutating func emitWord<R: WordResolver>(
    _ word: String, _ range: Range<Int>, resolver: inout R,
    into out: inout [Token]
  ) {
    scratch.removeAll()
    scratch.append(contentsOf: word.utf8)
    emit(range, resolver: &resolver, into: &out)
  }

  private mutating func emit<R: WordResolver>(_ range: Range<Int>, resolver: inout R, into out: inout [Token]) {
    guard !scratch.isEmpty else { return }
    let id = resolver.resolve(scratch.bytes, hash: scratch.hash)
    out.append(Token(id: id, range: range))
  }
}
