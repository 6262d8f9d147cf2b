import Foundation
import Testing
@testable import FinePrintKit

@Suite("Readability")
struct ReadabilityTests {
  @Test(
    "Scores print as printf's %.0f and %.1f do, ties and negatives included",
    arguments: [
      0.0, 0.5, 1.5, 2.5, 2.25, 2.15, 2.05, -0.3, -0.5, -12.75, 19.95, 45.449999, 99.96, 206.835, -1e9,
    ])
  func fixedDecimals(value: Double) {
    #expect(value.fixed(0) == String(format: "%.0f", value))
    #expect(value.fixed(1) == String(format: "%.1f", value))
  }

  @Test("Scores print as printf does on thousands of values near ties")
  func fixedDecimalsNearTies() {
    var seed: UInt64 = 7
    for k in -20_000...20_000 {
      let tie = Double(k) / 20  // x.x5 and x.5: the ties of %.1f and %.0f
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let noise = (Double(seed >> 11) / Double(1 << 53) - 0.5) * 1e-3
      for value in [tie, tie.nextUp, tie.nextDown, tie + noise, Double(k) * 0.1] {
        #expect(value.fixed(0) == String(format: "%.0f", value))
        #expect(value.fixed(1) == String(format: "%.1f", value))
      }
    }
  }

  @Test("The quick word count agrees with the full score on random mixes of letters, marks and bytes")
  func quickCountRandom() {
    let pieces: [[UInt8]] =
      ["a", "Z", "'", " ", ".", "3", "é", "中", "€", "’", "-", "\n"].map { Array($0.utf8) }
      + [[0x80], [0xC3], [0xFF]]
    var seed: UInt64 = 42
    for _ in 0..<500 {
      var bytes: [UInt8] = []
      for _ in 0..<40 {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes += pieces[Int(seed >> 33) % pieces.count]
      }
      #expect(
        ReadabilityScore.wordCount(bytes: bytes, range: 0..<bytes.count)
          == ReadabilityScore(bytes: bytes, range: 0..<bytes.count).words)
    }
  }

  @Test(
    "The quick word count agrees with the full score",
    arguments: [
      "Notwithstanding the foregoing, l'accord s'applique. Ça va? 3 items — done!",
      "U.S.A. e-mail o'clock don't 3D naïve café 中文 €5 ''quoted''", "", "   ", "a",
    ])
  func quickCount(text: String) {
    let bytes = Array(text.utf8)
    #expect(
      ReadabilityScore.wordCount(bytes: bytes, range: 0..<bytes.count)
        == ReadabilityScore(bytes: bytes, range: 0..<bytes.count).words)
  }

  @Test(
    "Syllables are counted as a reader says them",
    arguments: [
      ("cat", 1), ("table", 2), ("make", 1), ("shared", 1), ("created", 3), ("licence", 2), ("recordings", 3),
      ("biometric", 4), ("media", 3), ("the", 1), ("agreeing", 3), ("irrevocable", 5), ("notwithstanding", 4),
      ("uses", 2), ("makes", 1), ("people", 2),
    ])
  func syllables(word: String, expected: Int) {
    #expect(SyllableCounter.count(word) == expected)
  }

  @Test("Every word of the exception list counts as the list says, past the table's quick tests")
  func exceptionWords() {
    for (word, syllables) in SyllableCounter.exceptions {
      #expect(SyllableCounter.count(word) == syllables, "\(word)")
    }
  }

  @Test("Flesch reading ease and grade level follow the published formulas")
  func formulas() {
    // "The cat sat on the mat." 6 words, 1 sentence, 6 syllables.
    let easy = ReadabilityScore(text: "The cat sat on the mat.")
    #expect(easy.words == 6 && easy.sentences == 1 && easy.syllables == 6)
    #expect(abs(easy.readingEase - (206.835 - 1.015 * 6 - 84.6 * 1)) < 0.001)
    #expect(abs(easy.gradeLevel - (0.39 * 6 + 11.8 * 1 - 15.59)) < 0.001)
    let hard = ReadabilityScore(
      text:
        "Notwithstanding the aforementioned indemnification obligations, the licensee's liability hereunder shall survive termination."
    )
    #expect(hard.readingEase < 10)
    #expect(hard.gradeLevel > 16)
  }

  @Test("Ohio counts a semicolon or colon as the end of a sentence")
  func ohioRule() {
    let text = "You agree to the following: we may share data; we may keep it."
    #expect(ReadabilityScore(text: text).sentences == 1)
    #expect(ReadabilityScore(text: text, ohioRule: true).sentences == 3)
  }

  @Test("A document's score combines its clauses")
  func combined() {
    let parts = [ReadabilityScore(text: "We pay you."), ReadabilityScore(text: "You may stop at any time.")]
    let all = ReadabilityScore.combined(parts)
    #expect(all.words == 9 && all.sentences == 2)
  }
}

@Suite("Readability on bytes")
struct ReadabilityBytesTests {
  @Test(
    "Scoring bytes gives the same figures as scoring the text",
    arguments: [
      "The cat sat on the mat.",
      "Notwithstanding the aforementioned obligations, the licensee's liability hereunder shall survive. You agree!",
      "We pay €25 for each session; you may stop at any time.",
    ])
  func sameAsText(text: String) {
    let bytes = Array(text.utf8)
    let a = ReadabilityScore(bytes: bytes, range: 0..<bytes.count)
    let b = ReadabilityScore(text: text)
    #expect(a.sentences == b.sentences && a.syllables == b.syllables && a.words == b.words)
  }
}
