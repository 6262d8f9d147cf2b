/// One thing FinePrint flags (or, for protections, recognises) in a document.
public struct Finding: Codable, Sendable, Equatable {
  /// The rule's ID (`sell-personal-data`).
  public var rule: String
  /// The category ID from the taxonomy.
  public var category: String
  public var severity: Severity
  /// What it means for the reader, in plain words.
  public var message: String
  /// The document the finding is in, as the user named it.
  public var file: String
  /// Where the matched words start (1-based line, code-point column).
  public var line: Int
  public var column: Int
  /// Where they end: the position just past the last matched character.
  public var endLine: Int
  public var endColumn: Int
  /// The matched words, as they read in the visible text.
  public var match: String
  /// The whole clause the words stand in.
  public var clause: String
  /// The headings the clause stands under, outermost first.
  public var headings: [String]
  /// Byte range of the match in the document's visible text (for highlighting).
  public var textStart: Int
  public var textEnd: Int
  /// Byte range of the clause in the document's visible text.
  public var clauseStart: Int
  public var clauseEnd: Int
  /// True for findings of document-level rules (something looked for and not found).
  public var documentLevel: Bool
  /// When an inline suppression silenced the finding: its justification.
  public var suppression: String?

  public init(
    rule: String, category: String, severity: Severity, message: String, file: String,
    span: SourceSpan, match: String, clause: String, headings: [String],
    textRange: Range<Int>, clauseRange: Range<Int>, documentLevel: Bool = false
  ) {
    self.rule = rule
    self.category = category
    self.severity = severity
    self.message = message
    self.file = file
    self.line = span.start.line
    self.column = span.start.column
    self.endLine = span.end.line
    self.endColumn = span.end.column
    self.match = match
    self.clause = clause
    self.headings = headings
    self.textStart = textRange.lowerBound
    self.textEnd = textRange.upperBound
    self.clauseStart = clauseRange.lowerBound
    self.clauseEnd = clauseRange.upperBound
    self.documentLevel = documentLevel
  }
}
