import Foundation

/// What one step of a pattern accepts: one of a set of token IDs, any token but a clause
/// break (a gap), or a token whose normalised text a regular expression matches.
enum ElementTest: Hashable, Sendable {
  case ids([TokenID])
  case any
  case regex(String)
}

/// A compiled regular expression for the `/…/` escape hatch. NSRegularExpression is
/// immutable once built, so sharing it across threads is safe.
final class TokenRegex: @unchecked Sendable {
  let pattern: String
  /// Nil when `literals` stand for it: building it loaded the regex engine at every start.
  let expression: NSRegularExpression?
  /// When the expression is only alternatives of plain ASCII words (`(aboutads|youronlinechoices)`),
  /// those words, lower-cased: found as substrings without the regex engine, which cost more
  /// than the rest of matching on the clauses where such a check runs on every token.
  let literals: [[UInt8]]?

  init(_ pattern: String) throws {
    self.pattern = pattern
    literals = Self.plainAlternatives(pattern)
    expression = literals == nil ? try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) : nil
  }

  /// Words longer than this never match an expression run by the regex engine: it backtracks,
  /// and even the repetitions `backtrackingRisk` lets through cost a power of the word's length
  /// (`x+x+y` against 5,000 x's ran for minutes; against 256 it takes milliseconds). No word of a
  /// contract is near it; a run of 256 bytes without a space is no word.
  static let maxWordBytes = 256

  func matches(_ word: String) -> Bool {
    if let literals {
      let bytes = Array(word.utf8).map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
      return literals.contains { bytes.contains(bytes: $0) }
    }
    guard word.utf8.count <= Self.maxWordBytes else { return false }
    return expression?.firstMatch(in: word, range: NSRange(word.startIndex..., in: word)) != nil
  }

  /// The alternatives of `a|b|c` or `(a|b|c)` when each is a non-empty run of ASCII letters,
  /// digits, spaces, `-` or `_`; nil for any other expression.
  static func plainAlternatives(_ pattern: String) -> [[UInt8]]? {
    var body = Substring(pattern)
    if body.hasPrefix("("), body.hasSuffix(")") {
      body = body.dropFirst().dropLast()
      if body.hasPrefix("?:") { body = body.dropFirst(2) }
    }
    let parts = body.split(separator: "|", omittingEmptySubsequences: false)
    let plain = parts.allSatisfy { part in
      !part.isEmpty
        && part.utf8.allSatisfy { b in
          (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: " ") || b == UInt8(ascii: "-")
            || b == UInt8(ascii: "_")
        }
    }
    guard plain else { return nil }
    return parts.map { Array($0.lowercased().utf8) }
  }
}
