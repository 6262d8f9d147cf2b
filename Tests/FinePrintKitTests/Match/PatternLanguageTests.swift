import Testing
@testable import FinePrintKit

/// The pattern language and the engine's scoping, on small rule sets written here.
@Suite("Pattern language and matching")
struct PatternLanguageTests {
  /// A one-rule engine.
  func engine(_ patterns: [String], unless: [String] = [], with: [String] = [], context: [String] = []) throws -> Linter {
    let quote = { (s: String) in "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
    var lines = [
      "version: 1", "lexicons:", "  party: [third parties, partners, data brokers]", "rules:", "  - id: test-rule",
      "    category: third-party-resale", "    severity: error", "    title: Test", "    message: Test.",
      "    patterns: [\(patterns.map(quote).joined(separator: ", "))]", "    examples: {flag: [x], pass: [y]}",
    ]
    if !unless.isEmpty { lines.append("    unless: [\(unless.map(quote).joined(separator: ", "))]") }
    if !with.isEmpty { lines.append("    with: [\(with.map(quote).joined(separator: ", "))]") }
    if !context.isEmpty { lines.append("    context: [\(context.map(quote).joined(separator: ", "))]") }
    let yaml = lines.joined(separator: "\n")
    return Linter(engine: try RuleEngine(ruleSet: try RuleSet.parse(files: [("test.yml", yaml)])))
  }

  func matches(_ linter: Linter, _ text: String) -> [String] {
    linter.classify(text).map(\.match)
  }

  @Test("Word forms: sell+ matches sells, selling, sold")
  func wordForms() throws {
    let linter = try engine(["sell+ data"])
    for text in ["we sell data", "she sells data", "selling data", "we sold data"] {
      #expect(!matches(linter, text).isEmpty, "\(text)")
    }
    #expect(matches(linter, "we seller data").isEmpty)
  }

  @Test("Prefixes match words no rule names")
  func prefixes() throws {
    let linter = try engine(["arbitrat*"])
    #expect(matches(linter, "The arbitrator decides.") == ["arbitrator"])
  }

  @Test("#number matches any number, named by a rule or not")
  func numbers() throws {
    let linter = try engine(["pay+ ..2 #number (per | each)"])
    #expect(matches(linter, "We pay $12 per batch.") == ["pay $12 per"])
    #expect(matches(linter, "We pay 3.5 each.").count == 1)
    #expect(matches(linter, "We pay twelve per batch.").isEmpty)
  }

  @Test("Gaps are bounded and do not cross a semicolon")
  func gaps() throws {
    let linter = try engine(["share+ ..3 @party"])
    #expect(matches(linter, "We share it with third parties.") == ["share it with third parties"])
    #expect(matches(linter, "We share it only, sometimes, with third parties.").isEmpty)
    #expect(matches(linter, "We share it; partners are great.").isEmpty)
  }

  @Test("Optional words and grouped alternatives of several words")
  func optionalsAndGroups() throws {
    let linter = try engine(["(sell+ | make+ available) (your)? data"])
    #expect(matches(linter, "we make available data").count == 1)
    #expect(matches(linter, "we sell your data").count == 1)
    #expect(matches(linter, "we make data").isEmpty)
  }

  @Test("unless {match}: a negation just before the match cancels it, one after a 'but' does not")
  func negationScope() throws {
    let linter = try engine(["sell+ ..3 data"], unless: ["(not|never) ..3 {match}"])
    #expect(matches(linter, "We do not sell your data.").isEmpty)
    #expect(matches(linter, "We will never sell data.").isEmpty)
    #expect(!matches(linter, "We do not rent, but we sell your data.").isEmpty)
    #expect(!matches(linter, "We sell your data.").isEmpty)
  }

  @Test("unless {match}: 'except' or 'other than' between the exception and the match ends its reach; 'other' alone does not")
  func contrastWordsInTheGap() throws {
    let linter = try engine(["sell+ ..3 data"], unless: ["(not|never) ..8 {match}"])
    #expect(matches(linter, "We do not, unlike other apps, sell your data.").isEmpty)
    #expect(!matches(linter, "We do not rent it, except that we sell your data.").isEmpty)
    #expect(!matches(linter, "We do not keep it other than when we sell your data.").isEmpty)
  }

  @Test("unless {within}: a negation inside the match cancels it, one outside it (past a 'but') does not")
  func withinTheMatch() throws {
    let linter = try engine(["withdraw ..12 (kept | removed)"], unless: ["{within} not ..2 (kept | be kept)"])
    #expect(matches(linter, "If you withdraw, your data will not be kept.").isEmpty)
    #expect(!matches(linter, "If you withdraw, your data will be kept.").isEmpty)
    // The negation lies before the match: it does not reach it.
    let outside = "New data will not be kept, but if you withdraw, data already shared cannot be removed."
    #expect(matches(linter, outside) == ["withdraw, data already shared cannot be removed"])
  }

  @Test("{within} starts an unless pattern only")
  func withinOnlyInUnless() {
    #expect(throws: RuleLoadError.self) { try engine(["{within} sell+"]) }
    #expect(throws: RuleLoadError.self) { try engine(["sell+"], unless: ["{within}"]) }
    #expect(throws: RuleLoadError.self) { try engine(["sell+"], unless: ["{within} not {match}"]) }
  }

  @Test("unless {match}: optional words right after the match may be there or not")
  func optionalAfterMatch() throws {
    let linter = try engine(["you consent"], unless: ["{match} ,? to refuse"])
    #expect(matches(linter, "By using it you consent to refuse cookies.").isEmpty)
    #expect(matches(linter, "By using it you consent, to refuse cookies.").isEmpty)
    #expect(!matches(linter, "By using it you consent to the terms.").isEmpty)
  }

  @Test("with: the rule fires only when the other pattern is in the clause too")
  func withPattern() throws {
    let linter = try engine(["share+"], with: ["@party"])
    #expect(matches(linter, "We share data with partners.") == ["share"])
    #expect(matches(linter, "We share data.").isEmpty)
  }

  @Test("context: the topic stands in the clause, the three before it in its section, or a heading above")
  func contextWindow() throws {
    let linter = try engine(["will be kept"], context: ["withdraw+"])
    #expect(matches(linter, "If you withdraw, the answers will be kept.") == ["will be kept"])
    #expect(matches(linter, "You may withdraw at any time. The answers will be kept.") == ["will be kept"])
    #expect(matches(linter, "The answers will be kept.").isEmpty)
    // Three clauses back reaches; four does not.
    let filler = "We thank you. Tea is served. The room is quiet."
    #expect(matches(linter, "You may withdraw. \(filler) The answers will be kept.").isEmpty)
    #expect(matches(linter, "You may withdraw. We thank you. Tea is served. The answers will be kept.") == ["will be kept"])
    func lint(_ html: String) throws -> [String] { linter.lint(try TestSupport.html(html)).map(\.match) }
    // A heading sets the topic of every clause under it, however far down, and of its sub-sections.
    let heading = "<h2>If you withdraw</h2><p>\(filler)</p><h3>Answers</h3><p>The answers will be kept.</p>"
    #expect(try lint(heading) == ["will be kept"])
    // A heading ends the topic of the section before it.
    let crossed = "<h2>Leaving</h2><p>You may withdraw.</p><h2>Storage</h2><p>The answers will be kept.</p>"
    #expect(try lint(crossed).isEmpty)
  }

  @Test("context: a document or readability rule has none, refused where it is written")
  func contextOnlyOnPatternRules() {
    let yaml = """
      version: 1
      id: doc-rule
      category: missing-revocation
      severity: warning
      title: T
      message: M.
      scope: document
      requires: {categories: [revocation-right]}
      context: [withdraw+]
      examples: {flag: [x], pass: [y]}
      """
    let error = ruleLoadError(yaml, path: "Rules/missing-revocation/doc-rule.yml") ?? ""
    #expect(error.hasPrefix("Rules/missing-revocation/doc-rule.yml:9:"), "\(error)")
    #expect(error.contains("'context'"), "\(error)")
  }

  @Test("explain says where the context was found, or that it was not")
  func explainContext() throws {
    let linter = try engine(["will be kept"], context: ["withdraw+"])
    let explainer = RuleExplainer(linter: linter)
    let found = try #require(
      explainer.explain(ruleID: "test-rule", in: try TestSupport.document("You may withdraw.\nThe answers will be kept.\n")))
    #expect(found.contains("  context found before it (1:1): You may withdraw."), "\(found)")
    #expect(found.last == "2 clauses: 1 matched a pattern, 1 reported.")
    let missing = try #require(
      explainer.explain(ruleID: "test-rule", in: try TestSupport.document("The answers will be kept.\n")))
    #expect(missing.contains { $0.hasPrefix("  context NOT found in this clause") }, "\(missing)")
    #expect(missing.last == "1 clauses: 1 matched a pattern, 0 reported.")
  }

  @Test("Contractions are negations too: don't, won't, cannot")
  func contractions() throws {
    let linter = try engine(["sell+ ..3 data"], unless: ["not ..3 {match}"])
    for text in ["We don't sell data.", "We won’t sell data.", "We cannot sell data."] {
      #expect(matches(linter, text).isEmpty, "\(text)")
    }
  }

  @Test("Sub-clauses are read with their lead-in: a negated list stays negated")
  func leadIn() throws {
    let linter = try engine(["sell+ ..3 data"], unless: ["not ..6 {match}"])
    let text = "We will not: (a) sell your data; (b) rent it; or (c) trade it."
    #expect(matches(linter, text).isEmpty)
  }

  @Test("The prefilter by rare words never loses a match: optional words, alternatives, lexicons, regexes, prefixes")
  func prefilterIsSound() throws {
    let cases: [(pattern: String, text: String, match: String)] = [
      ("(may)? sell+ ..4 @party", "We sell it to partners.", "sell it to partners"),
      ("(sell+ | rent+ ..2 out) ..4 @party", "We rent it out to data brokers.", "rent it out to data brokers"),
      ("(sell+ | license+)? your /voice(s)?/", "Your voices are ours.", "Your voices"),
      ("/recordings?/ ..3 @party", "Recordings go to third parties.", "Recordings go to third parties"),
      ("arbitrat* ..3 (final | binding)", "Arbitration is final.", "Arbitration is final"),
      ("keep+ ..3 for #number days", "We keep it for 30 days.", "keep it for 30 days"),
    ]
    for c in cases {
      let linter = try engine([c.pattern])
      #expect(matches(linter, c.text) == [c.match], "\(c.pattern) on \(c.text)")
      // Without the anchor word the pattern cannot match, with or without the prefilter.
      #expect(matches(linter, "We value your privacy and nothing else.").isEmpty, "\(c.pattern)")
    }
  }
}
