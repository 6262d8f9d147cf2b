/// A rule set in a compiled rule image: every field of every rule and lexicon, so the bundled
/// rules load without parsing their YAML.
extension ImageWriter {
  mutating func ruleSet(_ set: RuleSet) {
    list(set.rules) { $0.rule($1) }
    list(set.lexicons) { w, lexicon in
      w.string(lexicon.name)
      w.list(lexicon.entries) { $0.located($1) }
      w.location(lexicon.location)
    }
  }

  mutating func location(_ location: RuleFileLocation) {
    file(location.file)
    int(location.line)
    int(location.column)
  }

  mutating func located(_ text: LocatedText) {
    string(text.text)
    location(text.location)
  }

  private mutating func locatedList(_ texts: [LocatedText]) { list(texts) { $0.located($1) } }
  private mutating func strings(_ values: [String]) { list(values) { $0.string($1) } }

  private mutating func rule(_ rule: RuleDefinition) {
    string(rule.id)
    string(rule.category)
    string(rule.severity.rawValue)
    string(rule.title)
    string(rule.message)
    string(rule.explanation)
    strings(rule.references)
    string(rule.suggestion)
    string(rule.scope.rawValue)
    for texts in [rule.patterns, rule.with, rule.unless, rule.when, rule.reportAt, rule.context] { locatedList(texts) }
    optional(rule.requires) { w, requires in
      w.strings(requires.categories)
      w.strings(requires.rules)
      w.locatedList(requires.patterns)
    }
    optional(rule.metric) { w, metric in
      w.string(metric.measure.rawValue)
      w.optional(metric.above) { $0.double($1) }
      w.optional(metric.below) { $0.double($1) }
      w.int(metric.minWords)
    }
    string(rule.reading.actor.rawValue)
    strings(rule.reading.modalities.map(\.rawValue))
    strings(rule.reading.excluded.map(\.description))
    locatedList(rule.flagExamples)
    locatedList(rule.passExamples)
    strings(rule.aliases)
    location(rule.location)
  }
}

extension ImageReader {
  mutating func ruleSet() throws(RuleImageError) -> RuleSet {
    let rules = try list { r throws(RuleImageError) in try r.rule() }
    let lexicons = try list { r throws(RuleImageError) in
      Lexicon(name: try r.string(), entries: try r.locatedList(), location: try r.location())
    }
    var set = RuleSet()
    do { try set.add(rules: rules, lexicons: lexicons) } catch { throw .malformed("\(error)") }
    return set
  }

  mutating func location() throws(RuleImageError) -> RuleFileLocation {
    RuleFileLocation(file: try file(), line: try int(), column: try int())
  }

  mutating func located() throws(RuleImageError) -> LocatedText {
    LocatedText(text: try string(), location: try location())
  }

  private mutating func locatedList() throws(RuleImageError) -> [LocatedText] {
    try list { r throws(RuleImageError) in try r.located() }
  }

  private mutating func strings() throws(RuleImageError) -> [String] {
    try list { r throws(RuleImageError) in try r.string() }
  }

  /// A raw value of `T`, or an error naming what it should have been.
  private mutating func value<T: RawRepresentable<String>>(_: T.Type) throws(RuleImageError) -> T {
    let raw = try string()
    guard let value = T(rawValue: raw) else { throw .malformed("'\(raw)' is no \(T.self)") }
    return value
  }

  private mutating func rule() throws(RuleImageError) -> RuleDefinition {
    let id = try string()
    let category = try string()
    let severity = try value(Severity.self)
    let title = try string()
    let message = try string()
    let explanation = try string()
    let references = try strings()
    let suggestion = try string()
    let scope = try value(RuleScope.self)
    let patterns = try locatedList()
    let with = try locatedList()
    let unless = try locatedList()
    let when = try locatedList()
    let reportAt = try locatedList()
    let context = try locatedList()
    let requires = try optional { r throws(RuleImageError) in
      Requirement(categories: try r.strings(), rules: try r.strings(), patterns: try r.locatedList())
    }
    let metric = try optional { r throws(RuleImageError) in
      MetricSpec(
        measure: try r.value(MetricSpec.Measure.self), above: try r.optional { r throws(RuleImageError) in try r.double() },
        below: try r.optional { r throws(RuleImageError) in try r.double() }, minWords: try r.int())
    }
    let actor = try value(ReadingConstraint.Actor.self)
    let modalities = try list { r throws(RuleImageError) in try r.value(Modality.self) }
    let excluded = try list { r throws(RuleImageError) in
      let text = try r.string()
      guard let excluded = ReadingConstraint.Excluded(text) else { throw .malformed("'\(text)' is no reading") }
      return excluded
    }
    return RuleDefinition(
      id: id, category: category, severity: severity, title: title, message: message, explanation: explanation,
      references: references, suggestion: suggestion, scope: scope, patterns: patterns, with: with, unless: unless,
      when: when, requires: requires, reportAt: reportAt, context: context, metric: metric,
      reading: ReadingConstraint(actor: actor, modalities: modalities, excluded: excluded),
      flagExamples: try locatedList(), passExamples: try locatedList(), aliases: try strings(), location: try location())
  }
}
