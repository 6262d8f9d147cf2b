/// Reading ease and grade level of a text, by the formulas courts and statutes cite.
///
/// - Flesch reading ease (Flesch 1948): 206.835 − 1.015 × words/sentences − 84.6 × syllables/words.
///   0–30 is for university graduates; 60–70 is plain English. Florida requires 45 for insurance
///   policies (Fla. Stat. §627.4145), Ohio 40 (Ohio Rev. Code §3902.04, counting a colon or
///   semicolon as a sentence end), Virginia 50 for some consumer notices.
/// - Flesch–Kincaid grade (Kincaid et al. 1975): 0.39 × words/sentences + 11.8 × syllables/words − 15.59.
public struct ReadabilityScore: Hashable, Sendable, Codable {
  public var words: Int
  public var sentences: Int
  public var syllables: Int

  public init(words: Int, sentences: Int, syllables: Int) {
    self.words = words
    self.sentences = sentences
    self.syllables = syllables
  }

  /// Scores a text; sentences end at `.`, `!`, `?` (and at `;` and `:` when `ohioRule` is set).
  public init(text: String, ohioRule: Bool = false) {
    var words = 0
    var syllables = 0
    var sentences = 0
    var current = ""
    var sawWordSinceEnd = false
    func finishWord() {
      if current.contains(where: \.isLetter) {
        words += 1
        syllables += SyllableCounter.count(current)
        sawWordSinceEnd = true
      }
      current = ""
    }
    for ch in text {
      if ch.isLetter || ch == "'" || ch == "’" {
        current.append(ch)
      } else {
        finishWord()
        if ch == "." || ch == "!" || ch == "?" || (ohioRule && (ch == ";" || ch == ":")) {
          if sawWordSinceEnd { sentences += 1 }
          sawWordSinceEnd = false
        }
      }
    }
    finishWord()
    if sawWordSinceEnd { sentences += 1 }
    self.init(words: words, sentences: max(sentences, words > 0 ? 1 : 0), syllables: syllables)
  }

  /// Scores the text in `bytes[range]` (UTF-8), without building strings: a word is a run of
  /// letters (any non-ASCII byte counts as a letter), a sentence ends at `.`, `!` or `?`.
  public init(bytes: [UInt8], range: Range<Int>) {
    let exceptions = SyllableCounter.exceptionTable
    let scored = bytes.withUnsafeBufferPointer { p in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Scorer.longestWord) { letters in
        var scorer = Scorer(letters: letters, exceptions: exceptions)
        Self.scan(p, range, into: &scorer)
        if scorer.sawWord { scorer.sentences += 1 }
        return scorer
      }
    }
    let words = scored.words
    self.init(words: words, sentences: max(scored.sentences, words > 0 ? 1 : 0), syllables: scored.syllables)
  }

  /// The number of words `init(bytes:range:)` counts in `bytes[range]`, at a fraction of its
  /// cost: a quick look at a clause's length before scoring it.
  public static func wordCount(bytes: [UInt8], range: Range<Int>) -> Int {
    var counter = WordCounter()
    bytes.withUnsafeBufferPointer { p in scan(p, range, into: &counter) }
    return counter.words
  }

  /// What `scan` tells of the text it reads.
  private protocol Reader {
    /// An ASCII letter of a word, lower-cased.
    mutating func letter(_ byte: UInt8)
    /// The end of a word.
    mutating func wordEnd()
    /// A `.`, `!` or `?`.
    mutating func sentenceMark()
  }

  /// Words, syllables and sentences: a word's first `longestWord` letters are kept to count its
  /// syllables.
  private struct Scorer: Reader {
    static let longestWord = 64
    let letters: UnsafeMutableBufferPointer<UInt8>
    let exceptions: SyllableCounter.ExceptionTable
    var count = 0
    var words = 0
    var syllables = 0
    var sentences = 0
    var sawWord = false

    init(letters: UnsafeMutableBufferPointer<UInt8>, exceptions: SyllableCounter.ExceptionTable) {
      self.letters = letters
      self.exceptions = exceptions
    }

    @inline(__always)
    mutating func letter(_ byte: UInt8) {
      if count < Self.longestWord {
        letters[count] = byte
        count += 1
      }
    }

    @inline(__always)
    mutating func wordEnd() {
      words += 1
      syllables +=
        count == 0
        ? 1 : SyllableCounter.count(letters: UnsafeBufferPointer(rebasing: letters[0..<count]), exceptions: exceptions)
      sawWord = true
      count = 0
    }

    @inline(__always)
    mutating func sentenceMark() {
      if sawWord { sentences += 1 }
      sawWord = false
    }
  }

  /// Words alone.
  private struct WordCounter: Reader {
    var words = 0
    @inline(__always) mutating func letter(_ byte: UInt8) {}
    @inline(__always) mutating func wordEnd() { words += 1 }
    @inline(__always) mutating func sentenceMark() {}
  }

  /// What a byte is to `scan`.
  private enum ByteClass: UInt8 {
    /// A to Z, a to z.
    case letter
    /// An ASCII byte that ends a word: white space, digits, punctuation.
    case breaker
    /// `.`, `!`, `?`: ends a word and marks a sentence's end.
    case mark
    /// The apostrophe, and a continuation byte standing alone: neither ends nor adds.
    case neutral
    /// The first byte of a non-ASCII character.
    case lead
  }

  /// `ByteClass` by byte value, in memory that is never freed, read through a pointer (a static
  /// array would be retained for every clause, on every thread). Written once, before any read.
  nonisolated(unsafe) private static let byteClass: UnsafePointer<ByteClass> = {
    let table = UnsafeMutablePointer<ByteClass>.allocate(capacity: 256)
    for b in 0..<256 {
      let value: ByteClass
      switch b {
      case 0x41...0x5A, 0x61...0x7A: value = .letter
      case 0x2E, 0x21, 0x3F: value = .mark
      case 0x27, 0x80..<0xC0: value = .neutral
      case 0xC0...: value = .lead
      default: value = .breaker
      }
      (table + b).initialize(to: value)
    }
    return UnsafePointer(table)
  }()

  /// The one definition of words and sentence ends that scoring and counting share, walked over
  /// `p[range]`: `letter` gets each ASCII letter of a word, lower-cased (a non-ASCII letter such
  /// as é or 中 continues a word without one; an apostrophe neither ends nor adds), `wordEnd`
  /// follows each word, `sentenceMark` each `.`, `!` or `?`. A run of ASCII letters is taken in
  /// a loop of its own, by one table read a byte.
  @inline(__always)
  private static func scan<R: Reader>(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into reader: inout R) {
    let clamped = range.clamped(to: 0..<p.count)
    let classes = byteClass
    let end = clamped.upperBound
    var inWord = false
    var i = clamped.lowerBound
    while i < end {
      let b = p[i]
      switch classes[Int(b)] {
      case .letter:
        inWord = true
        reader.letter(b | 0x20)
        i += 1
        while i < end, case let c = p[i], classes[Int(c)] == .letter {
          reader.letter(c | 0x20)
          i += 1
        }
      case .neutral:
        i += 1
      case .breaker:
        if inWord { reader.wordEnd() }
        inWord = false
        i += 1
      case .mark:
        if inWord { reader.wordEnd() }
        inWord = false
        reader.sentenceMark()
        i += 1
      case .lead:
        // A non-ASCII character: a letter continues or starts a word; a symbol (€) ends it.
        let (value, length) = Tokenizer.decode(p, i, end)
        if Tokenizer.classify(value).0 == .word {
          inWord = true
        } else {
          if inWord { reader.wordEnd() }
          inWord = false
        }
        i += length
      }
    }
    if inWord { reader.wordEnd() }
  }

  public var wordsPerSentence: Double { sentences == 0 ? 0 : Double(words) / Double(sentences) }
  public var syllablesPerWord: Double { words == 0 ? 0 : Double(syllables) / Double(words) }

  /// Flesch reading ease: higher is easier (90+ very easy, below 30 very hard).
  public var readingEase: Double { 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord }
  /// Flesch–Kincaid grade level: the US school grade needed to read it.
  public var gradeLevel: Double { 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59 }

  /// The scores of several texts taken together (a document from its clauses).
  public static func combined(_ parts: [ReadabilityScore]) -> ReadabilityScore {
    parts.reduce(ReadabilityScore(words: 0, sentences: 0, syllables: 0)) {
      ReadabilityScore(words: $0.words + $1.words, sentences: $0.sentences + $1.sentences, syllables: $0.syllables + $1.syllables)
    }
  }
}
