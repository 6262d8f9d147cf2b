import Foundation
import Testing
@testable import FinePrintKit

@Suite("Regex escape hatch")
struct TokenRegexTests {
  @Test("Plain word alternatives are found as substrings, exactly where the regex engine finds them")
  func literalsAgreeWithRegex() throws {
    let patterns = ["(networkadvertising|aboutads|youronlinechoices)", "aboutads|nai", "(?:opt-out|optout)", "gdpr"]
    let words = [
      "www.networkadvertising.org", "aboutads", "AboutAds.info", "youronlinechoices.eu", "about", "ads",
      "opt-out", "optout", "gdpr-compliant", "", "naive", "networkadvertisin", "ÆboutAds",
    ]
    for pattern in patterns {
      let regex = try TokenRegex(pattern)
      #expect(regex.literals != nil)
      let engine = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
      for word in words {
        let expected = engine.firstMatch(in: word, range: NSRange(word.startIndex..., in: word)) != nil
        #expect(regex.matches(word) == expected, "\(pattern) on \(word)")
      }
    }
  }

  @Test(
    "Any other expression goes to the regex engine",
    arguments: [
      "^sell", "data$", "(a|b)c", "se.l", "colou?r", "[0-9]+", "a\\\\b", "(a|)", "é|e", "(a)(b)",
    ])
  func metacharactersUseTheEngine(pattern: String) {
    #expect(TokenRegex.plainAlternatives(pattern) == nil)
  }
}
