import Foundation

/// Builds the plain-language `Summary` of a document from its findings and facts.
public struct Summarizer: Sendable {
  public let linter: Linter
  let facts: FactFinder
  /// The questions asked and the promises shown as taken back.
  public let tables: SummaryTables

  /// - Parameters:
  ///   - cache: where the compiled fact patterns are kept between runs.
  ///   - tables: the questions to ask (nil: the bundled ones, `Rules/summary/`); checked against
  ///     the linter's rules.
  /// - Throws: `RuleLoadError` when the summary lexicons are malformed, or when `tables` name a
  ///   rule or fact the rules do not have.
  public init(linter: Linter, cache: RuleCache = RuleCache(directory: nil), tables: SummaryTables? = nil) throws {
    self.linter = linter
    facts = try FactFinder(ruleSet: linter.engine.ruleSet, cache: cache)
    let bundled = try SummaryTables.bundled.get()
    if var tables {
      try tables.validate(against: linter.engine.ruleSet)
      // A rule folder without its own grade.yml is graded by the bundled formula.
      if tables.gradingFormula == nil { tables.gradingFormula = bundled.gradingFormula }
      self.tables = tables
    } else {
      self.tables = bundled
    }
  }

  public func summarize(_ document: Document) -> Summary {
    let clauses = linter.segmenter.clauses(in: document)
    return summarize(document, clauses: clauses, findings: linter.lint(document, clauses: clauses, documentRules: true))
  }

  /// The summary, unless linting the document takes past `deadline` (the end of a time budget
  /// of `budgetSeconds`).
  /// - Throws: `LintError.timedOut` naming the document and where it was.
  public func summarize(_ document: Document, deadline: ContinuousClock.Instant, budgetSeconds: Int) throws(LintError) -> Summary
  {
    let clauses = linter.segmenter.clauses(in: document)
    let findings = try linter.lint(
      document, clauses: clauses, documentRules: true,
      deadline: Linter.Deadline(instant: deadline, seconds: budgetSeconds))
    return summarize(document, clauses: clauses, findings: findings)
  }

  private func summarize(_ document: Document, clauses: [Clause], findings: [Finding]) -> Summary {
    let found = facts.facts(in: document, clauses: clauses)
    let readability = readabilityReport(document, clauses: clauses, findings: findings)

    let (risks, protections) = points(findings)
    // Always there: the bundled tables hold one, and the initialiser fills it in.
    let formula = tables.gradingFormula!
    let counts = formula.points(
      good: gradePoints(protections), bad: gradePoints(risks.filter { $0.severity != .error }),
      blockers: gradePoints(risks.filter { $0.severity == .error }))
    var grade: String?
    var reason = ""
    let withheld = formula.withheld(words: readability.words, points: counts)
    if withheld == nil { (grade, reason) = formula.grade(counts) }
    let reasons = risks.isEmpty ? protections.prefix(5).map(\.title) : risks.prefix(5).map(\.title)

    var summary = Summary(
      file: document.path, title: document.title, grade: grade, gradeWithheld: withheld, gradeReason: reason,
      gradeReasons: reasons, formulaVersion: formula.version, formula: formula.description,
      points: counts,
      answers: tables.questions.map { answer($0, findings: findings, facts: found, document: document, clauses: clauses) },
      risks: risks, protections: protections,
      contradictions: contradictions(findings),
      readability: readability, clauses: clauses.count { $0.kind != .heading }, version: FinePrintVersion.current)
    summary.gradeMeaning = grade.map(formula.meaning) ?? ""
    return summary
  }

  // MARK: Points

  /// One point per rule, and one for rules that tell the reader the same thing (the same title:
  /// a business transfer read in a sentence and in a list of disclosures); risks worst first,
  /// then in document order.
  func points(_ findings: [Finding]) -> (risks: [Summary.Point], protections: [Summary.Point]) {
    var order: [String] = []
    var byTitle: [String: [Finding]] = [:]
    for finding in findings where finding.category != "plain-language" {
      let title = linter.engine.ruleSet.rule(finding.rule)?.title ?? finding.rule
      if byTitle[title] == nil { order.append(title) }
      byTitle[title, default: []].append(finding)
    }
    var risks: [Summary.Point] = []
    var protections: [Summary.Point] = []
    for title in order {
      let group = byTitle[title]!
      let first = group[0]
      let rule = first.rule
      let definition = linter.engine.ruleSet.rule(rule)
      let protection = Category.named(first.category)?.polarity == .protection
      let severity = group.map(\.severity).max() ?? first.severity
      let point = Summary.Point(
        rule: rule, category: first.category, severity: severity,
        level: protection ? .green : (severity == .error ? .red : .amber),
        title: title, message: definition?.message ?? first.message,
        quotes: group.map(Self.quote))
      if protection { protections.append(point) } else { risks.append(point) }
    }
    let ranked = risks.enumerated().sorted { ($1.element.severity, $0.offset) < ($0.element.severity, $1.offset) }
    return (ranked.map(\.element), protections)
  }

  /// How many points of the grade these are: one per rule, where rules split from one rule (they
  /// keep its ID as their first alias) count once, as that rule did, so a split that makes messages
  /// more precise does not make terms grade worse.
  func gradePoints(_ points: [Summary.Point]) -> Int {
    Set(points.map { linter.engine.ruleSet.rule($0.rule)?.aliases.first ?? $0.rule }).count
  }

  static func quote(_ finding: Finding) -> Summary.Quote {
    Summary.Quote(
      text: finding.clause, match: finding.match, span: finding.span, clauseStart: finding.clauseStart,
      clauseEnd: finding.clauseEnd)
  }

  func quote(_ fact: FactFinder.Fact, document: Document, clauses: [Clause]) -> Summary.Quote {
    let clause = clauses[fact.clause]
    return Summary.Quote(
      text: document.text(in: clause.range), match: document.text(in: fact.range),
      span: document.span(of: fact.range), clauseStart: clause.range.lowerBound,
      clauseEnd: clause.range.upperBound)
  }

  // MARK: Answers

  /// The clause findings and facts that count as `evidence`, as quotes (one per clause).
  func quotes(
    _ evidence: SummaryQuestion.Evidence, findings: [Finding], facts: [FactFinder.Fact],
    document: Document, clauses: [Clause]
  ) -> [Summary.Quote] {
    var out = findings.filter(evidence.matches).map(Self.quote)
    out += facts.filter(evidence.matches).map { quote($0, document: document, clauses: clauses) }
    var seen = Set<Int>()
    return out.sorted { ($0.clauseStart, $0.line, $0.column) < ($1.clauseStart, $1.line, $1.column) }
      .filter { seen.insert($0.clauseStart).inserted }
  }

  func answer(
    _ question: SummaryQuestion, findings: [Finding], facts: [FactFinder.Fact], document: Document,
    clauses: [Clause]
  ) -> Summary.Answer {
    func quotesOf(_ evidence: SummaryQuestion.Evidence) -> [Summary.Quote] {
      self.quotes(evidence, findings: findings, facts: facts, document: document, clauses: clauses)
    }
    let yes = quotesOf(question.yes)
    let weak = quotesOf(question.weakYes)
    let partly = quotesOf(question.partly)
    let no = quotesOf(question.no)
    let verdict: SummaryQuestion.Verdict?
    if !yes.isEmpty {
      verdict = !partly.isEmpty ? .partly : (no.isEmpty ? .yes : question.whenBoth)
    } else if !weak.isEmpty {
      // A weak "yes" stands only where nothing keeps the data back.
      verdict = no.isEmpty && partly.isEmpty ? .yes : .no
    } else if !no.isEmpty {
      verdict = .no
    } else {
      // A rule that keeps data after a leaving it names ("if you withdraw, we keep what we
      // have") says there is a way out, one that keeps the data. Kept data alone (a model that
      // keeps what it learned) is silence.
      verdict = quotesOf(SummaryQuestion.Evidence(rules: question.partly.rules)).isEmpty ? nil : .partly
    }
    var detail: String
    switch verdict {
    case nil: detail = question.notStatedText
    case .yes?: detail = question.yesText
    case .no?: detail = question.noText
    case .partly?: detail = question.partlyText
    }
    // What says the answer, and what says otherwise.
    let says: [SummaryQuestion.Evidence]
    let against: [SummaryQuestion.Evidence]
    switch verdict {
    case .yes?: (says, against) = ([question.yes, question.weakYes], [question.no, question.partly])
    case .no?: (says, against) = ([question.no, question.partly], [question.yes, question.weakYes])
    case .partly?: (says, against) = ([question.partly], [question.yes, question.weakYes])
    case nil: (says, against) = ([], [])
    }
    if question.yes.dataKinds, verdict == .yes {
      var kinds: [String] = []
      for fact in facts where fact.name.hasPrefix(FactFinder.dataKindPrefix) {
        let label = FactFinder.label(ofDataKind: fact.name)
        if !kinds.contains(label) { kinds.append(label) }
      }
      detail += ": " + kinds.joined(separator: ", ") + "."
    } else if let verdict {
      // "Partly" says what it means itself; the titles of the clauses that keep the data
      // ("What they already have stays after you withdraw") would only say it again.
      let titles = verdict == .partly ? [] : titlesOf(says, findings: findings)
      let said = titles.joined(separator: "; ")
      // A title that says what the answer text says ("The pay is stated") is said once.
      let repeats = !detail.isEmpty && said.lowercased().hasPrefix(detail.lowercased())
      detail = detail.isEmpty || repeats ? said : (said.isEmpty ? detail : detail + ": " + said.lowercasedFirst)
      // Only a fact says it, and the question has no words for it (a heading that announces a
      // way out, "Can I change my mind?"): point to the quote.
      if detail.isEmpty { detail = "The part of the terms quoted below covers it" }
      if !detail.isEmpty { detail += "." }
      let otherQuotes = against.flatMap(quotesOf)
      if !otherQuotes.isEmpty {
        let otherTitles = titlesOf(against, findings: findings)
        let otherText: String
        switch verdict {
        case .yes: otherText = question.noText
        case .no, .partly: otherText = question.yesText
        }
        let other = otherTitles.isEmpty ? otherText : otherTitles.joined(separator: "; ")
        if !other.isEmpty { detail += " They also say: \(other.lowercasedFirst)." }
      }
    }
    let concern = verdict.map { $0 == .partly || $0 == question.concern } ?? question.silenceIsConcern
    var seen = Set<Int>()
    let ordered: [Summary.Quote]
    switch verdict {
    case nil: ordered = []
    case .yes?: ordered = yes + weak + no + partly
    case .no?: ordered = no + partly + yes + weak
    case .partly?: ordered = partly + yes + weak + no
    }
    let quotes = ordered.filter { seen.insert($0.clauseStart).inserted }
    return Summary.Answer(
      id: question.id, question: question.question, answer: verdict?.rawValue ?? "not stated",
      detail: detail, concern: concern, quotes: Array(quotes.prefix(6)),
      factual: question.concern == nil)
  }

  /// Titles of the rules behind the finding evidence, in document order, each once.
  func titlesOf(_ evidence: [SummaryQuestion.Evidence], findings: [Finding]) -> [String] {
    var titles: [String] = []
    for finding in findings where evidence.contains(where: { $0.matches(finding) }) {
      let title = linter.engine.ruleSet.rule(finding.rule)?.title ?? finding.rule
      if !titles.contains(title) { titles.append(title) }
    }
    return titles
  }

  // MARK: Contradictions

  func contradictions(_ findings: [Finding]) -> [Summary.Contradiction] {
    var out: [Summary.Contradiction] = []
    for pair in tables.contradictions {
      guard let promise = findings.first(where: pair.promise.matches) else { continue }
      var rules = Set<String>()
      for exception in findings where pair.exception.matches(exception) && exception.clauseStart != promise.clauseStart {
        guard rules.insert(exception.rule).inserted else { continue }
        out.append(
          Summary.Contradiction(
            explanation: pair.explanation, promiseRule: promise.rule,
            promise: Self.quote(promise), exceptionRule: exception.rule,
            exception: Self.quote(exception)))
      }
    }
    return out
  }

  // MARK: Readability

  static let standards: [(jurisdiction: String, minimum: Double, ohioRule: Bool, citation: String)] = [
    (
      "Ohio", 40, true,
      "Ohio Rev. Code §3902.04 (insurance policies; a semicolon or colon ends a sentence, headings are not counted)"
    ),
    ("Florida", 45, false, "Fla. Stat. §627.4145 (insurance policies)"),
    ("Virginia", 50, false, "Virginia's readability standard for insurance policies"),
  ]
  /// Average silent reading speed of adults for non-fiction (Brysbaert 2019).
  static let wordsPerMinute = 238.0

  func readabilityReport(_ document: Document, clauses: [Clause], findings: [Finding]) -> ReadabilityReport {
    let body = clauses.filter { $0.kind != .heading }
    let scores = body.map { ReadabilityScore(bytes: document.bytes, range: $0.range) }
    let whole = ReadabilityScore.combined(scores)
    let ohio = ReadabilityScore.combined(body.map { ReadabilityScore(text: document.text(in: $0.range), ohioRule: true) })
    let legalese = Set(findings.filter { $0.rule == "legalese" }.map(\.clauseStart))
    func clauseScore(_ index: Int) -> ReadabilityReport.ClauseScore {
      let span = document.span(of: body[index].range)
      return .init(
        text: document.text(in: body[index].range), line: span.start.line, column: span.start.column,
        clauseStart: body[index].range.lowerBound, clauseEnd: body[index].range.upperBound,
        words: scores[index].words, readingEase: scores[index].readingEase,
        gradeLevel: scores[index].gradeLevel)
    }
    let hardest = scores.indices.filter { scores[$0].words >= 15 }
      .sorted { (scores[$0].readingEase, $0) < (scores[$1].readingEase, $1) }.prefix(3)
    let longest = scores.indices.sorted { (scores[$1].words, $0) < (scores[$0].words, $1) }.prefix(3)
    return ReadabilityReport(
      readingEase: whole.words == 0 ? 0 : whole.readingEase, gradeLevel: whole.words == 0 ? 0 : whole.gradeLevel,
      ohioReadingEase: ohio.words == 0 ? 0 : ohio.readingEase, words: whole.words, sentences: whole.sentences,
      readingMinutes: Int((Double(whole.words) / Self.wordsPerMinute).rounded(.up)),
      legaleseShare: body.isEmpty ? 0 : Double(body.count { legalese.contains($0.range.lowerBound) }) / Double(body.count),
      standards: Self.standards.map { standard in
        let score = standard.ohioRule ? ohio.readingEase : whole.readingEase
        return .init(
          jurisdiction: standard.jurisdiction, minimum: standard.minimum, score: score,
          meets: score >= standard.minimum, citation: standard.citation)
      },
      hardestClauses: hardest.map(clauseScore), longestClauses: longest.map(clauseScore))
  }
}

extension String {
  /// The string with its first letter in lower case ("Your data" → "your data").
  var lowercasedFirst: String {
    guard let first else { return self }
    return first.lowercased() + dropFirst()
  }
}
