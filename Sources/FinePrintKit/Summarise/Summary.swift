/// What a set of terms means for the person asked to accept them: a grade with its reasons,
/// the answers to the questions a careful reader asks, the risks and protections found,
/// promises contradicted elsewhere, and how hard the text is to read. `fineprint summarize`
/// prints it as text, Markdown, JSON (these field names are stable) or a self-contained page.
public struct Summary: Codable, Sendable {
  /// The document as the user named it.
  public var file: String
  /// Its title, when it has one.
  public var title: String?
  /// "A" (fair) … "E" (avoid), or nil when too little could be assessed.
  public var grade: String?
  /// Why no grade was given, when `grade` is nil.
  public var gradeWithheld: String?
  /// The rule of the formula that decided the grade, in words.
  public var gradeReason: String
  /// The points that weigh most, worst first ("You cannot join a class action").
  public var gradeReasons: [String]
  /// What the grade means in a few words ("avoid"), from the formula; not part of the JSON.
  public var gradeMeaning: String = ""
  /// The version of the grading formula (see `GradingFormula`).
  public var formulaVersion: String
  /// The formula itself, in words.
  public var formula: String
  /// The counts the formula was applied to.
  public var points: PointCounts
  public var answers: [Answer]
  /// Risks found, worst first.
  public var risks: [Point]
  /// Protections found.
  public var protections: [Point]
  /// A promise and its exception, in different clauses.
  public var contradictions: [Contradiction]
  public var readability: ReadabilityReport
  /// Clauses the document was split into (headings excluded).
  public var clauses: Int
  /// The FinePrint version that wrote the summary.
  public var version: String

  enum CodingKeys: String, CodingKey {
    case file, title, grade, gradeWithheld, gradeReason, gradeReasons, formulaVersion, formula, points, answers
    case risks, protections, contradictions, readability, clauses, version
  }

  /// Every key is written, an absent title or grade as `null`, so a reader of the JSON finds the
  /// same keys in every summary (`docs/schemas/fineprint-summary.schema.json`).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(file, forKey: .file)
    try c.encode(title, forKey: .title)
    try c.encode(grade, forKey: .grade)
    try c.encode(gradeWithheld, forKey: .gradeWithheld)
    try c.encode(gradeReason, forKey: .gradeReason)
    try c.encode(gradeReasons, forKey: .gradeReasons)
    try c.encode(formulaVersion, forKey: .formulaVersion)
    try c.encode(formula, forKey: .formula)
    try c.encode(points, forKey: .points)
    try c.encode(answers, forKey: .answers)
    try c.encode(risks, forKey: .risks)
    try c.encode(protections, forKey: .protections)
    try c.encode(contradictions, forKey: .contradictions)
    try c.encode(readability, forKey: .readability)
    try c.encode(clauses, forKey: .clauses)
    try c.encode(version, forKey: .version)
  }

  /// The counts a grade is computed from: distinct rules found, by weight.
  public struct PointCounts: Codable, Sendable, Equatable {
    /// Protections (green).
    public var good: Int
    /// Risks of severity warning or info (amber).
    public var bad: Int
    /// Risks of severity error (red).
    public var blockers: Int
    /// good − bad − the formula's weight × blockers.
    public var balance: Int

    /// - Parameter blockerWeight: how many bad points a blocker weighs (`GradingFormula`).
    public init(good: Int, bad: Int, blockers: Int, blockerWeight: Int = 3) {
      self.good = good
      self.bad = bad
      self.blockers = blockers
      balance = good - bad - blockerWeight * blockers
    }

    enum CodingKeys: String, CodingKey { case good, bad, blockers, balance }

    public init(from decoder: Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      self.init(
        good: try c.decode(Int.self, forKey: .good), bad: try c.decode(Int.self, forKey: .bad),
        blockers: try c.decode(Int.self, forKey: .blockers))
      balance = try c.decode(Int.self, forKey: .balance)
    }

    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(good, forKey: .good)
      try c.encode(bad, forKey: .bad)
      try c.encode(blockers, forKey: .blockers)
      try c.encode(balance, forKey: .balance)
    }
  }

  /// Words of the document quoted as evidence, with where they stand.
  public struct Quote: Codable, Sendable, Hashable, SourceSpanned {
    /// The whole clause.
    public var text: String
    /// The words that answer or matched, within the clause.
    public var match: String
    /// Where the words stand in the original file; written as `line`, `column`, `endLine`,
    /// `endColumn`.
    public var span: SourceSpan
    /// Byte range of the clause in the document's visible text (for the HTML page).
    public var clauseStart: Int
    public var clauseEnd: Int

    public init(text: String, match: String, span: SourceSpan, clauseStart: Int, clauseEnd: Int) {
      self.text = text
      self.match = match
      self.span = span
      self.clauseStart = clauseStart
      self.clauseEnd = clauseEnd
    }

    enum CodingKeys: String, CodingKey {
      case text, match, clauseStart, clauseEnd
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      text = try container.decode(String.self, forKey: .text)
      match = try container.decode(String.self, forKey: .match)
      clauseStart = try container.decode(Int.self, forKey: .clauseStart)
      clauseEnd = try container.decode(Int.self, forKey: .clauseEnd)
      span = try SourceSpan(flatFrom: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(text, forKey: .text)
      try container.encode(match, forKey: .match)
      try container.encode(clauseStart, forKey: .clauseStart)
      try container.encode(clauseEnd, forKey: .clauseEnd)
      try span.encodeFlat(to: encoder)
    }
  }

  /// One question and the terms' answer.
  public struct Answer: Codable, Sendable {
    /// Stable ID of the question (`shared-with-others`).
    public var id: String
    public var question: String
    /// "yes", "no", "partly" (a way out that keeps what was already taken) or "not stated".
    public var answer: String
    /// The answer in a sentence ("Yes: they may sell or share it.").
    public var detail: String
    /// True when this answer is bad news for the reader.
    public var concern: Bool
    public var quotes: [Quote]
    /// True when no answer is bad news (what data they take): a fact, neither good nor bad.
    /// Not part of the JSON output.
    public var factual = false

    enum CodingKeys: String, CodingKey { case id, question, answer, detail, concern, quotes }
  }

  /// A risk or protection: one rule, with every clause it was found in.
  public struct Point: Codable, Sendable {
    public var rule: String
    public var category: String
    public var severity: Severity
    /// `red` (error), `amber` (warning, info) or `green` (protection).
    public var level: Signal
    public var title: String
    public var message: String
    public var quotes: [Quote]
  }

  /// A promise and, elsewhere, the words that take it back.
  public struct Contradiction: Codable, Sendable {
    public var explanation: String
    public var promiseRule: String
    public var promise: Quote
    public var exceptionRule: String
    public var exception: Quote
  }
}

/// How hard a document is to read, and whether it meets the minimums some US states set for
/// consumer contracts.
public struct ReadabilityReport: Codable, Sendable {
  /// Flesch reading ease of the whole document (headings excluded): higher is easier.
  public var readingEase: Double
  /// Flesch–Kincaid grade level.
  public var gradeLevel: Double
  /// Reading ease counted as Ohio does: a semicolon or colon ends a sentence.
  public var ohioReadingEase: Double
  public var words: Int
  public var sentences: Int
  /// Minutes an average adult needs to read it (238 words a minute, Brysbaert 2019).
  public var readingMinutes: Int
  /// Share of clauses (0…1) that use legalese ("hereinafter", "notwithstanding").
  public var legaleseShare: Double
  public var standards: [Standard]
  /// The hardest clauses (lowest reading ease, at least 15 words), hardest first.
  public var hardestClauses: [ClauseScore]
  /// The longest clauses, longest first.
  public var longestClauses: [ClauseScore]

  /// A statutory minimum reading ease and whether the document meets it.
  public struct Standard: Codable, Sendable {
    public var jurisdiction: String
    public var minimum: Double
    public var score: Double
    public var meets: Bool
    public var citation: String
  }

  /// One clause's readability.
  public struct ClauseScore: Codable, Sendable {
    public var text: String
    public var line: Int
    public var column: Int
    /// Byte range of the clause in the document's visible text (for the HTML page).
    public var clauseStart: Int
    public var clauseEnd: Int
    public var words: Int
    public var readingEase: Double
    public var gradeLevel: Double
  }
}
