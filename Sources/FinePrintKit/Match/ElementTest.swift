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
  let expression: NSRegularExpression

  init(_ pattern: String) throws {
    self.pattern = pattern
    expression = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
  }

  func matches(_ word: String) -> Bool {
    expression.firstMatch(in: word, range: NSRange(word.startIndex..., in: word)) != nil
  }
}
