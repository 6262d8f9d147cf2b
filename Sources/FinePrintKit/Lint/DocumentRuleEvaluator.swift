/// Evaluates document-level rules: a rule applies when one of its `when` patterns matched
/// somewhere (or it has none), and fires when nothing it `requires` was found — no finding of
/// the required categories or rules, no clause matching the required patterns. The finding
/// stands at the first clause matching `report_at` (the clause that asks for consent or
/// collects the data), else at the document's first heading or clause, and says what was
/// looked for.
struct DocumentRuleEvaluator {
  let linter: Linter

  /// Why a document rule fired or not, for `fineprint explain`.
  struct Verdict {
    var applies: Bool
    var whenClause: Int?
    var satisfiedBy: String?
    var reportClause: Int?
    var lookedFor: String
    /// Whether `lint` reports the rule: it applies, nothing it requires was found, and there is a
    /// clause to report at.
    var reports: Bool { applies && satisfiedBy == nil && reportClause != nil }
  }

  func verdict(
    rule index: Int, document: Document, clauses: [Clause], signals: DocumentSignals,
    clauseFindings: [Finding]
  ) -> Verdict {
    verdict(rule: index, document: document, clauses: clauses, signals: signals) { requirement in
      clauseFindings.first {
        requirement.categories.contains($0.category) || requirement.rules.contains($0.rule)
      }.map { "\($0.rule) at line \($0.line): \"\($0.match)\"" }
    }
  }

  /// - Parameter foundFinding: the first clause finding of a category or rule the requirement
  ///   names, said as "rule at line N: "match"", or nil when there is none.
  func verdict(
    rule index: Int, document: Document, clauses: [Clause], signals: DocumentSignals,
    foundFinding: (Requirement) -> String?
  ) -> Verdict {
    let rule = linter.engine.ruleSet.rules[index]
    let applies = rule.when.isEmpty || !signals.when[index].isEmpty
    var satisfiedBy: String?
    let requirement = rule.requires ?? Requirement()
    if let found = foundFinding(requirement) {
      satisfiedBy = found
    } else if let clause = signals.requires[index].first {
      let line = document.span(of: clauses[clause].range).start.line
      satisfiedBy = "a clause at line \(line) matching a required pattern"
    }
    let report =
      signals.reportAt[index].first
      ?? clauses.firstIndex { $0.kind == .heading }
      ?? (clauses.isEmpty ? nil : 0)
    return Verdict(
      applies: applies, whenClause: signals.when[index].first, satisfiedBy: satisfiedBy,
      reportClause: report, lookedFor: lookedFor(requirement))
  }

  /// The document rules that fire: each rule's index, the clause it is reported at, and its
  /// message (the rule's, and what was looked for).
  func evaluate(
    _ document: Document, clauses: [Clause], signals: DocumentSignals,
    foundFinding: (Requirement) -> String?
  ) -> [(rule: Int, clause: Int, message: String)] {
    var out: [(rule: Int, clause: Int, message: String)] = []
    let rules = linter.engine.ruleSet.rules
    // By index: enumerating the rules copied every definition, for every document.
    for index in rules.indices where rules[index].kind == .requires {
      let v = verdict(rule: index, document: document, clauses: clauses, signals: signals, foundFinding: foundFinding)
      guard v.reports, let at = v.reportClause else { continue }
      let message = "\(rules[index].message) Looked for \(v.lookedFor) anywhere in the document; found none."
      out.append((index, at, message))
    }
    return out
  }

  /// "a term that lets you withdraw consent, delete data or opt out (revocation-right)".
  func lookedFor(_ requirement: Requirement) -> String {
    var parts: [String] = []
    for id in requirement.categories {
      parts.append("a term where \(Category.named(id)?.summary ?? id) (\(id))")
    }
    for id in requirement.rules {
      parts.append("'\(linter.engine.ruleSet.rule(id)?.title ?? id)' (\(id))")
    }
    if !requirement.patterns.isEmpty {
      parts.append("wording like " + requirement.patterns.prefix(3).map { "\"\(example(of: $0.text))\"" }.joined(separator: ", "))
    }
    return parts.isEmpty ? "what the rule requires" : parts.joined(separator: " or ")
  }

  /// A pattern as words a reader recognises: a word list by its shortest phrase, each group of
  /// alternatives by its first, optional parts and gaps left out ("how to (withdraw | leave)"
  /// → "how to withdraw").
  func example(of pattern: String) -> String {
    var text = pattern
    if pattern.hasPrefix("@"), !pattern.contains(" "),
      let lexicon = linter.engine.ruleSet.lexicons.first(where: { $0.name == pattern.dropFirst() }),
      let shortest = lexicon.entries.map(\.text).min(by: { $0.count < $1.count })
    {
      text = shortest
    }
    // One frame a group: the words of its first alternative, and whether it is past it.
    var frames: [(words: [String], pastFirst: Bool)] = [([], false)]
    for raw in text.split(separator: " ") {
      var word = Substring(raw)
      while word.hasPrefix("(") {
        frames.append(([], false))
        word = word.dropFirst()
      }
      var closes: [Bool] = []  // each closing parenthesis, and whether it makes its group optional
      while let last = word.last, last == ")" || last == "?" {
        if word.hasSuffix(")?") {
          closes.append(true)
          word = word.dropLast(2)
        } else if last == ")" {
          closes.append(false)
          word = word.dropLast()
        } else {
          word = ""  // an optional word: "your?"
        }
      }
      if word == "|" {
        frames[frames.count - 1].pastFirst = true
      } else if !word.isEmpty, !word.hasPrefix(".."), !word.hasPrefix("#"), !frames[frames.count - 1].pastFirst {
        frames[frames.count - 1].words.append(String(word.hasSuffix("+") || word.hasSuffix("*") ? word.dropLast() : word))
      }
      for optional in closes where frames.count > 1 {
        let group = frames.removeLast()
        if !optional && !frames[frames.count - 1].pastFirst { frames[frames.count - 1].words += group.words }
      }
    }
    return frames[0].words.joined(separator: " ")
  }
}
