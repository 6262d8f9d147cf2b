/// A piece of text from a rule file with where it was written: a pattern, or an example a
/// rule must flag or pass. Failures point at it (`Rules/sharing.yml:42:11`).
public struct LocatedText: Hashable, Sendable {
  public var text: String
  public var location: RuleFileLocation

  public init(text: String, location: RuleFileLocation) {
    self.text = text
    self.location = location
  }
}

/// A pattern as a rule file states it.
public typealias PatternSource = LocatedText
/// A text a rule must flag, or must pass.
public typealias RuleExample = LocatedText

/// Whether a rule looks at one clause at a time or at the whole document.
public enum RuleScope: String, Sendable, CaseIterable {
  /// Fires on a clause whose words match.
  case clause
  /// Fires once per document when something it `requires` is absent.
  case document
}

/// What a document-level rule looks for: any finding of these categories or rules, or any
/// clause matching these patterns. The rule fires when none is found.
public struct Requirement: Hashable, Sendable {
  public var categories: [String] = []
  public var rules: [String] = []
  public var patterns: [PatternSource] = []

  public init(categories: [String] = [], rules: [String] = [], patterns: [PatternSource] = []) {
    self.categories = categories
    self.rules = rules
    self.patterns = patterns
  }
}

/// A measurement a rule compares with a threshold instead of (or on top of) matching words:
/// how long a clause is, how hard it is to read, how many times its patterns occur.
public struct MetricSpec: Hashable, Sendable {
  public enum Measure: String, Sendable, CaseIterable {
    /// Words in the clause.
    case words
    /// Flesch reading ease of the clause (higher is easier).
    case readingEase = "reading-ease"
    /// Flesch–Kincaid grade level of the clause.
    case gradeLevel = "grade-level"
    /// Separate matches of the rule's patterns in the clause.
    case matches
  }

  public var measure: Measure
  /// Fires when the measure is above this…
  public var above: Double?
  /// …or below this.
  public var below: Double?
  /// Clauses shorter than this are not measured (a three-word heading has no reading ease).
  public var minWords: Int

  public init(measure: Measure, above: Double? = nil, below: Double? = nil, minWords: Int = 0) {
    self.measure = measure
    self.above = above
    self.below = below
    self.minWords = minWords
  }

  /// Whether a measured value crosses the threshold.
  public func fires(_ value: Double) -> Bool {
    if let above, value > above { return true }
    if let below, value < below { return true }
    return false
  }
}

/// A rule as written in `Rules/*.yml`: what it looks for, what it tells the reader, and the
/// texts that prove it works.
public struct RuleDefinition: Hashable, Sendable {
  public var id: String
  public var category: String
  public var severity: Severity
  public var title: String
  /// What it means for the reader, in plain words.
  public var message: String
  public var explanation: String
  public var references: [String]
  /// Fairer wording a reader could ask for.
  public var suggestion: String
  public var scope: RuleScope
  /// Any of these matching in a clause is a candidate finding.
  public var patterns: [PatternSource]
  /// Each of these must also match somewhere in the same clause.
  public var with: [PatternSource]
  /// One of these must match in the clause, in one of the three clauses before it in its
  /// section, or in a heading it stands under: the topic the match is read in ("if you
  /// withdraw" before "the data collected so far will be kept").
  public var context: [PatternSource]
  /// Any of these matching cancels the candidate; `{match}` in one anchors it to the match.
  public var unless: [PatternSource]
  /// Document rules: the rule applies only if one of these matches somewhere.
  public var when: [PatternSource]
  /// Document rules: what must be present.
  public var requires: Requirement?
  /// Document rules: the clause to report at is the first that matches one of these.
  public var reportAt: [PatternSource]
  /// A measurement and its threshold, for readability rules.
  public var metric: MetricSpec?
  /// Who must do what for a match to count (`actor:`, `modality:`).
  public var reading = ReadingConstraint()
  public var flagExamples: [RuleExample]
  public var passExamples: [RuleExample]
  /// Earlier IDs of this rule, still accepted in configuration and suppressions.
  public var aliases: [String]
  public var location: RuleFileLocation

  public init(
    id: String, category: String, severity: Severity, title: String, message: String, explanation: String,
    references: [String], suggestion: String, scope: RuleScope, patterns: [PatternSource],
    with: [PatternSource], unless: [PatternSource], when: [PatternSource], requires: Requirement?,
    reportAt: [PatternSource], context: [PatternSource] = [], metric: MetricSpec?,
    reading: ReadingConstraint = ReadingConstraint(),
    flagExamples: [RuleExample], passExamples: [RuleExample], aliases: [String],
    location: RuleFileLocation
  ) {
    self.id = id
    self.category = category
    self.severity = severity
    self.title = title
    self.message = message
    self.explanation = explanation
    self.references = references
    self.suggestion = suggestion
    self.scope = scope
    self.patterns = patterns
    self.with = with
    self.unless = unless
    self.when = when
    self.requires = requires
    self.reportAt = reportAt
    self.context = context
    self.metric = metric
    self.reading = reading
    self.flagExamples = flagExamples
    self.passExamples = passExamples
    self.aliases = aliases
    self.location = location
  }
}

/// A named list of words and phrases, referenced from patterns as `@name`.
public struct Lexicon: Hashable, Sendable {
  public var name: String
  public var entries: [PatternSource]
  public var location: RuleFileLocation
}
