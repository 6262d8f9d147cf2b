/// A clause as `fineprint clauses --format jsonl` prints it: its text, kind, heading path and
/// where its first character starts and its last ends in the original file.
public struct ClauseRecord: Codable, Sendable, Equatable {
  public var file: String
  public var text: String
  public var kind: String
  public var headings: [String]
  public var line: Int
  public var column: Int
  public var endLine: Int
  public var endColumn: Int

  public init(clause: Clause, in document: Document) {
    let span = document.span(of: clause.range)
    file = document.path
    text = document.text(in: clause.range)
    kind = clause.kind.rawValue
    headings = clause.headings
    line = span.start.line
    column = span.start.column
    endLine = span.end.line
    endColumn = span.end.column
  }
}
