/// A word (or a punctuation mark that matters to rules) of a clause: its normalised form's ID
/// and the bytes of the document text it stands for.
public struct Token: Hashable, Sendable {
  public var id: TokenID
  /// UTF-8 byte offsets into `Document.text`. The two tokens of a contraction (`don't` →
  /// `do` + `not`) share the word's bytes between them.
  public var range: Range<Int>

  public init(id: TokenID, range: Range<Int>) {
    self.id = id
    self.range = range
  }
}
