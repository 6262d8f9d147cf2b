/// One thing FinePrint flags (or, for protections, recognises) in a document.
public struct Finding: Codable, Sendable, Equatable, SourceSpanned {
  /// The rule's ID (`sell-personal-data`).
  public var rule: String
  /// The category ID from the taxonomy.
  public var category: String
  public var severity: Severity
  /// What it means for the reader, in plain words.
  public var message: String
  /// The document the finding is in, as the user named it.
  public var file: String
  /// Where the matched words stand in the original file: from their first character to the
  /// position just past the last. Written as `line`, `column`, `endLine`, `endColumn`.
  public var span: SourceSpan
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
    self.span = span
    self.match = match
    self.clause = clause
    self.headings = headings
    self.textStart = textRange.lowerBound
    self.textEnd = textRange.upperBound
    self.clauseStart = clauseRange.lowerBound
    self.clauseEnd = clauseRange.upperBound
    self.documentLevel = documentLevel
  }

  enum CodingKeys: String, CodingKey {
    case rule, category, severity, message, file, match, clause, headings, textStart, textEnd, clauseStart, clauseEnd
    case documentLevel, suppression
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    rule = try container.decode(String.self, forKey: .rule)
    category = try container.decode(String.self, forKey: .category)
    severity = try container.decode(Severity.self, forKey: .severity)
    message = try container.decode(String.self, forKey: .message)
    file = try container.decode(String.self, forKey: .file)
    span = try SourceSpan(flatFrom: decoder)
    match = try container.decode(String.self, forKey: .match)
    clause = try container.decode(String.self, forKey: .clause)
    headings = try container.decode([String].self, forKey: .headings)
    textStart = try container.decode(Int.self, forKey: .textStart)
    textEnd = try container.decode(Int.self, forKey: .textEnd)
    clauseStart = try container.decode(Int.self, forKey: .clauseStart)
    clauseEnd = try container.decode(Int.self, forKey: .clauseEnd)
    documentLevel = try container.decode(Bool.self, forKey: .documentLevel)
    suppression = try container.decodeIfPresent(String.self, forKey: .suppression)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(rule, forKey: .rule)
    try container.encode(category, forKey: .category)
    try container.encode(severity, forKey: .severity)
    try container.encode(message, forKey: .message)
    try container.encode(file, forKey: .file)
    try span.encodeFlat(to: encoder)
    try container.encode(match, forKey: .match)
    try container.encode(clause, forKey: .clause)
    try container.encode(headings, forKey: .headings)
    try container.encode(textStart, forKey: .textStart)
    try container.encode(textEnd, forKey: .textEnd)
    try container.encode(clauseStart, forKey: .clauseStart)
    try container.encode(clauseEnd, forKey: .clauseEnd)
    try container.encode(documentLevel, forKey: .documentLevel)
    try container.encodeIfPresent(suppression, forKey: .suppression)
  }
}
