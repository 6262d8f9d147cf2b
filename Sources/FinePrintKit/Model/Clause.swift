/// A unit of meaning a rule is matched against: a heading, a list item, a sentence, or a
/// sub-clause of a sentence that runs a list of obligations together with semicolons.
public struct Clause: Hashable, Sendable {
  public enum Kind: String, Sendable, Codable {
    case heading
    case listItem = "list-item"
    case sentence
    case subClause = "sub-clause"
  }

  public var kind: Kind
  /// UTF-8 byte offsets into `Document.text`.
  public var range: Range<Int>
  /// The headings this clause stands under, outermost first (`["7. Disputes", "7.2 Arbitration"]`).
  public var headings: [String]
  /// The index of the block the clause came from.
  public var blockIndex: Int
  /// For a sub-clause: the words that introduce the list it belongs to ("You agree not to:"),
  /// which rules read with it, so "(b) sell your data" under "We will not:" stays negated.
  public var leadIn: Range<Int>?
  /// For a piece of a clause longer than `ClauseSegmenter.maxClauseBytes`: the whole clause's range.
  public var cutFrom: Range<Int>?

  public init(kind: Kind, range: Range<Int>, headings: [String], blockIndex: Int, leadIn: Range<Int>? = nil) {
    self.kind = kind
    self.range = range
    self.headings = headings
    self.blockIndex = blockIndex
    self.leadIn = leadIn
  }
}
