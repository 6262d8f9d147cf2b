/// A block of a document's visible text: a paragraph, heading, list item or table cell, as the
/// markup (or blank lines in plain text) delimits it. Sentences never cross a block boundary.
public struct Block: Hashable, Sendable {
  public enum Kind: String, Sendable, Codable {
    case heading
    case paragraph
    case listItem = "list-item"
    case tableCell = "table-cell"
    /// Text kept with its line breaks (`<pre>`, or a plain-text paragraph): single line
    /// breaks inside it are soft, unless a numbered item or a heading line starts after them.
    case preformatted
  }

  public var kind: Kind
  /// Heading level (1–6 in HTML, 1–9 in DOCX) for headings; nesting depth (1 = top level) for list items; else 0.
  public var level: Int
  /// UTF-8 byte offsets into `Document.text`.
  public var range: Range<Int>
  /// A section number the markup gave explicitly (Akoma Ntoso `<num>`, an `<ol>` counter).
  public var number: String?

  public init(kind: Kind, level: Int = 0, range: Range<Int>, number: String? = nil) {
    self.kind = kind
    self.level = level
    self.range = range
    self.number = number
  }
}
