/// Runs every rule's own examples: each `flag` text must make the rule fire, each `pass` text
/// must not. The same check backs the test suite and `fineprint rules test`, so a rule author
/// sees exactly what CI sees, with the file and line of each failing example.
public struct RuleTester: Sendable {
  public struct Failure: Sendable, CustomStringConvertible {
    public var rule: String
    public var location: RuleFileLocation
    public var problem: String

    public var description: String { "\(location): \(rule): \(problem)" }
  }

  /// Text put before every flag example to catch offset bugs (SwiftLint's emoji test).
  static let multiBytePrefix = "😀 中文 e\u{301} "

  public let linter: Linter

  public init(linter: Linter) {
    self.linter = linter
  }

  /// The failures of every rule's examples (empty when all pass).
  public func run(only ruleIDs: Set<String>? = nil) -> [Failure] {
    var failures: [Failure] = []
    for rule in linter.engine.ruleSet.rules where ruleIDs?.contains(rule.id) ?? true {
      failures += check(rule)
    }
    return failures
  }

  func findings(of rule: RuleDefinition, in text: String) -> [Finding] {
    let all: [Finding]
    if rule.scope == .document {
      let bytes = Array(text.utf8)
      guard let document = try? PlainTextIngester().ingest(InputSource(name: "example", bytes: bytes)) else { return [] }
      all = linter.lint(document)
    } else {
      all = linter.classify(text, name: "example")
    }
    return all.filter { $0.rule == rule.id }
  }

  func check(_ rule: RuleDefinition) -> [Failure] {
    var failures: [Failure] = []
    for example in rule.flagExamples {
      let marked = MarkedExample(example.text)
      if let problem = marked.problem {
        failures.append(Failure(rule: rule.id, location: example.location, problem: "\(problem): \(example.text)"))
        continue
      }
      let found = findings(of: rule, in: marked.text)
      if found.isEmpty {
        failures.append(Failure(rule: rule.id, location: example.location, problem: "flag example did not fire: \(marked.text)"))
        continue
      }
      // Where the example marks the match (»…«), the rule must match exactly those words.
      if let words = marked.expectedMatch, !found.contains(where: { $0.match == words }) {
        failures.append(
          Failure(
            rule: rule.id, location: example.location,
            problem: "matched '\(found[0].match)', but the example marks '\(words)'"))
        continue
      }
      // The same text after a multi-byte prefix must fire at the same words.
      let shifted = findings(of: rule, in: Self.multiBytePrefix + marked.text)
      let expected = marked.expectedMatch ?? found[0].match
      if rule.scope == .document || (rule.metric != nil && rule.metric?.measure != .matches) {
        // A document or readability finding stands at a whole clause, which the prefix joins.
        if shifted.isEmpty {
          failures.append(Failure(rule: rule.id, location: example.location, problem: "did not fire after a multi-byte prefix"))
        }
      } else if !shifted.contains(where: { $0.match == expected }) {
        failures.append(
          Failure(
            rule: rule.id, location: example.location,
            problem: "after a multi-byte prefix the match moved: \(shifted.first?.match ?? "none")"))
      } else if let f = shifted.first(where: { $0.match == expected }), rule.scope == .clause, f.line == 1 {
        let line = Array((Self.multiBytePrefix + marked.text).unicodeScalars)
        let start = f.column - 1
        let end = f.endLine == 1 ? f.endColumn - 1 : line.count
        if start < 0 || end > line.count || start > end
          || String(String.UnicodeScalarView(line[start..<end])) != f.match
        {
          failures.append(
            Failure(
              rule: rule.id, location: example.location,
              problem: "columns \(f.column)–\(f.endColumn) do not point at '\(f.match)'"))
        }
      }
    }
    for example in rule.passExamples {
      if example.text.contains(MarkedExample.open) || example.text.contains(MarkedExample.close) {
        failures.append(
          Failure(
            rule: rule.id, location: example.location,
            problem: "a pass example has no match to mark: \(example.text)"))
        continue
      }
      if let f = findings(of: rule, in: example.text).first {
        failures.append(
          Failure(
            rule: rule.id, location: example.location,
            problem: "pass example fired on '\(f.match)': \(example.text)"))
      }
    }
    return failures
  }
}
