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
