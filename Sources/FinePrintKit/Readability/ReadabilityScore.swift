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
    var words = 0
    var syllables = 0
    var sentences = 0
    var sawWord = false
    let exceptions = SyllableCounter.exceptionTable
    bytes.withUnsafeBufferPointer { p in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { letters in
        var count = 0
        Self.scan(p, range) { letter in
          if count < 64 {
            letters[count] = letter
            count += 1
          }
        } wordEnd: {
          words += 1
          syllables +=
            count == 0
            ? 1
            : SyllableCounter.count(letters: UnsafeBufferPointer(rebasing: letters[0..<count]), exceptions: exceptions)
          sawWord = true
          count = 0
        } sentenceMark: {
          if sawWord { sentences += 1 }
          sawWord = false
        }
      }
    }
    if sawWord { sentences += 1 }
    self.init(words: words, sentences: max(sentences, words > 0 ? 1 : 0), syllables: syllables)
  }

  /// The number of words `init(bytes:range:)` counts in `bytes[range]`, at a fraction of its
  /// cost: a quick look at a clause's length before scoring it.
  public static func wordCount(bytes: [UInt8], range: Range<Int>) -> Int {
    var words = 0
    bytes.withUnsafeBufferPointer { p in
      scan(p, range) { _ in
      } wordEnd: {
        words += 1
      } sentenceMark: {
      }
    }
    return words
  }

  /// The one definition of words and sentence ends that scoring and counting share, walked over
  /// `p[range]`: `letter` gets each ASCII letter of a word, lower-cased (a non-ASCII letter such
  /// as é or 中 continues a word without one; an apostrophe neither ends nor adds), `wordEnd`
  /// follows each word, `sentenceMark` each `.`, `!` or `?`.
  @inline(__always)
  private static func scan(
    _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, letter: (UInt8) -> Void,
    wordEnd: () -> Void, sentenceMark: () -> Void
  ) {
    let clamped = range.clamped(to: 0..<p.count)
    var inWord = false
    var i = clamped.lowerBound
    while i < clamped.upperBound {
      var b = p[i]
      if b >= 0xC0 {
        // A non-ASCII character: a letter continues or starts a word; a symbol (€) ends it.
        let (value, length) = Tokenizer.decode(p, i, clamped.upperBound)
        if Tokenizer.classify(value).0 == .word {
          inWord = true
        } else {
          if inWord { wordEnd() }
          inWord = false
        }
        i += length
        continue
      }
      i += 1
      if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { b |= 0x20 }
      if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") {
        inWord = true
        letter(b)
      } else if b < 0x80 && b != UInt8(ascii: "'") {
        if inWord { wordEnd() }
        inWord = false
        if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") { sentenceMark() }
      }
    }
    if inWord { wordEnd() }
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
