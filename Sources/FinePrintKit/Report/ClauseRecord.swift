/// A clause as `fineprint clauses --format jsonl` prints it: its text, kind, heading path and
/// where its first character starts and its last ends in the original file.
public struct ClauseRecord: Codable, Sendable, Equatable, SourceSpanned {
  public var file: String
  public var text: String
  public var kind: String
  public var headings: [String]
  /// Where the clause stands in the original file; written as `line`, `column`, `endLine`,
  /// `endColumn`.
  public var span: SourceSpan

  public init(clause: Clause, in document: Document) {
    span = document.span(of: clause.range)
    file = document.path
    text = document.text(in: clause.range)
    kind = clause.kind.rawValue
    headings = clause.headings
  }

  enum CodingKeys: String, CodingKey {
    case file, text, kind, headings
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    file = try container.decode(String.self, forKey: .file)
    text = try container.decode(String.self, forKey: .text)
    kind = try container.decode(String.self, forKey: .kind)
    headings = try container.decode([String].self, forKey: .headings)
    span = try SourceSpan(flatFrom: decoder)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(file, forKey: .file)
    try container.encode(text, forKey: .text)
    try container.encode(kind, forKey: .kind)
    try container.encode(headings, forKey: .headings)
    try span.encodeFlat(to: encoder)
  }
}
