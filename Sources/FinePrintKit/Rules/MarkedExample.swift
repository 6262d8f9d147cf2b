/// A rule example as written, with the words the rule must match marked the way `lint` prints a
/// match: `We may »sell your recordings« to data brokers.` (SwiftLint marks the spot with `↓`,
/// Semgrep the line with `ruleid:`). The markers are optional and are not part of the text the
/// rule reads; only `flag` examples may have them.
public struct MarkedExample: Sendable, Equatable {
  public static let open: Character = "»"
  public static let close: Character = "«"

  /// The example's text without its markers.
  public var text: String
  /// The words between the markers, when the example marks them.
  public var expectedMatch: String?
  /// Why the markers cannot be read (one without the other, or more than one pair), if so.
  public var problem: String?

  public init(_ written: String) {
    let opens = written.count { $0 == Self.open }
    let closes = written.count { $0 == Self.close }
    text = written
    guard opens + closes > 0 else { return }
    guard opens == 1, closes == 1, let start = written.firstIndex(of: Self.open),
      let end = written.firstIndex(of: Self.close), start < end
    else {
      problem = "mark the match with one \(Self.open) before it and one \(Self.close) after it"
      return
    }
    let inside = written[written.index(after: start)..<end]
    text = String(written[..<start] + inside + written[written.index(after: end)...])
    expectedMatch = String(inside)
  }
}
