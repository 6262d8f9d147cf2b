import Foundation

/// An inline suppression written in the linted document:
/// `<!-- fineprint-disable-next-line waived-litigation: reviewed by counsel until 2027-06 -->`,
/// `<!-- fineprint-disable RULE -->` … `<!-- fineprint-enable -->`, or the same as a plain-text
/// line. Rules are named by ID or category; the reason follows a colon; `until DATE` makes the
/// suppression expire.
public struct Suppression: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case nextLine = "fineprint-disable-next-line"
    case disable = "fineprint-disable"
    case enable = "fineprint-enable"
  }

  public var kind: Kind
  /// Rule IDs or categories (empty for a bare `fineprint-enable`).
  public var targets: [String]
  public var reason: String
  /// The first day the suppression no longer applies, if it expires.
  public var expires: Date?
  /// Source byte range of the comment.
  public var range: Range<Int>

  /// Parses a comment, or returns nil when it is not a FinePrint directive.
  public static func parse(_ comment: SourceComment) -> Suppression? {
    let text = comment.text
    let kinds: [Kind] = [.nextLine, .disable, .enable]  // longest first
    guard let kind = kinds.first(where: { text.hasPrefix($0.rawValue) }) else { return nil }
    var rest = text.dropFirst(kind.rawValue.count)
    // `fineprint-disable-next-line: reason` is a directive too (one that names no rule, which
    // is reported), not text to ignore; `fineprint-disabled` is not.
    guard rest.isEmpty || rest.first!.isWhitespace || rest.first == ":" else { return nil }
    rest = rest.drop { $0.isWhitespace }
    var reason = ""
    if let colon = rest.firstIndex(of: ":") {
      reason = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      rest = rest[..<colon]
    }
    let targets = rest.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
    var expires: Date?
    if let until = reason.range(of: "until ", options: .backwards) {
      let date = reason[until.upperBound...].trimmingCharacters(in: .whitespaces)
      expires = Self.endOf(date)
    }
    return Suppression(kind: kind, targets: targets, reason: reason, expires: expires, range: comment.range)
  }

  /// The day after the named day or month ("2027-06" lasts through June 2027).
  static func endOf(_ text: String) -> Date? {
    let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
    guard parts.count >= 2, parts.count <= 3 else { return nil }
    var components = DateComponents(year: parts[0], month: parts[1], day: parts.count == 3 ? parts[2] : 1)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    guard let start = calendar.date(from: components) else { return nil }
    components = parts.count == 3 ? DateComponents(day: 1) : DateComponents(month: 1)
    return calendar.date(byAdding: components, to: start)
  }

  /// Whether it names the finding's rule, category, or an old ID of its rule (`aliases`: a rule
  /// split into several keeps the old ID, so a suppression written for it still holds).
  func covers(_ finding: Finding, aliases: [String] = []) -> Bool {
    targets.contains(finding.rule) || targets.contains(finding.category) || aliases.contains(where: targets.contains)
  }

  /// The justification SARIF and reports show.
  var justification: String { reason.isEmpty ? "suppressed in the document" : reason }
}
