import Foundation

/// Patterns that load and run but probably do not say what their author meant. Today one kind:
/// `word+` on a stem that is not a word (`liabilit+`, `disclos+`). `+` adds the inflections of a
/// whole word, so such an element matches nothing, silently; the author wanted `liabilit*`.
/// Judged against the words of every example of the rule set: no form of the word occurs, yet
/// the word plus a final e, y, es or ies does.
public struct PatternHints: Sendable {
  public struct Hint: Sendable, CustomStringConvertible {
    public var location: RuleFileLocation
    public var message: String
    public var description: String { "\(location): hint: \(message)" }
  }

  public let ruleSet: RuleSet

  public init(ruleSet: RuleSet) {
    self.ruleSet = ruleSet
  }

  /// Every hint, in rule-file order.
  public func hints() -> [Hint] {
    var words = Set<String>()
    for rule in ruleSet.rules {
      for example in rule.flagExamples + rule.passExamples {
        words.formUnion(Tokenizer.normalizedWords(example.text))
      }
    }
    var sources: [PatternSource] = ruleSet.lexicons.flatMap(\.entries)
    for rule in ruleSet.rules {
      sources += rule.patterns + rule.with + rule.unless + rule.when + rule.reportAt + (rule.requires?.patterns ?? [])
    }
    var hints: [Hint] = []
    var reported = Set<String>()
    for source in sources {
      for stem in Self.inflectedWords(in: source.text) where !reported.contains("\(source.location)\(stem)") {
        guard !WordForms.forms(of: stem).contains(where: words.contains),
          let longer = words.filter({ word in Self.wordEndings.contains { word == stem + $0 } }).min()
        else { continue }
        reported.insert("\(source.location)\(stem)")
        hints.append(
          Hint(
            location: source.location,
            message: "'\(stem)+' adds the inflections of the word '\(stem)', "
              + "and no example holds one, but '\(longer)' starts with it: for a stem write '\(stem)*'"))
      }
    }
    return hints
  }

  /// What a stem lacks to be a word ("liabilit" + "y", "disclos" + "e", "countr" + "ies").
  static let wordEndings = ["e", "y", "es", "ies"]

  /// The `word` of every `word+` element of a pattern, outside regular expressions.
  static func inflectedWords(in pattern: String) -> [String] {
    var out: [String] = []
    var inRegex = false
    var current = ""
    for ch in pattern {
      if ch == "/" { inRegex.toggle() }
      if inRegex {
        current = ""
        continue
      }
      if ch.isLetter {
        current.append(Character(ch.lowercased()))
        continue
      }
      if ch == "+", !current.isEmpty { out.append(current) }
      current = ""
    }
    return out
  }
}
