import Foundation

/// Why a rule or lexicon file was refused. Each case says where (file, line, column) and what.
public enum RuleLoadError: Error, LocalizedError, Equatable, Sendable {
  case unreadable(file: String, reason: String)
  case yaml(RuleFileLocation, problem: String)
  case unsupportedVersion(RuleFileLocation, version: String)
  case unknownKey(RuleFileLocation, key: String, context: String, expected: [String])
  case missingKey(RuleFileLocation, key: String, context: String)
  case wrongType(RuleFileLocation, key: String, expected: String)
  case invalidValue(RuleFileLocation, key: String, value: String, expected: [String])
  case duplicateID(RuleFileLocation, id: String, first: RuleFileLocation)
  case unknownLexicon(RuleFileLocation, name: String, known: [String])
  case badPattern(RuleFileLocation, pattern: String, reason: String)
  case missingExamples(RuleFileLocation, rule: String, kind: String)
  case unknownRule(RuleFileLocation, id: String)
  case kindMismatch(RuleFileLocation, stated: String, needs: String, keysMake: String)
  /// A summary table names a rule or fact the rule set does not have.
  case unknownName(RuleFileLocation, kind: String, name: String, context: String, suggestion: String?)

  public var location: RuleFileLocation? {
    switch self {
    case .unreadable: return nil
    case .yaml(let l, _), .unsupportedVersion(let l, _), .unknownKey(let l, _, _, _), .missingKey(let l, _, _),
      .wrongType(let l, _, _), .invalidValue(let l, _, _, _), .duplicateID(let l, _, _), .unknownLexicon(let l, _, _),
      .badPattern(let l, _, _), .missingExamples(let l, _, _), .unknownRule(let l, _), .kindMismatch(let l, _, _, _),
      .unknownName(let l, _, _, _, _):
      return l
    }
  }

  /// One line, whatever the file held: a pattern or key written over several lines in the
  /// YAML shows its line breaks as `\n` (a multi-line error breaks `file:line:` readers).
  public var errorDescription: String? { message.singleLine }

  private var message: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): cannot read rule file: \(reason)"
    case .yaml(let l, let problem):
      return "\(l): invalid YAML: \(problem)"
    case .unsupportedVersion(let l, let version):
      return "\(l): rule format version \(version) is newer than this fineprint understands (1); upgrade fineprint"
    case .unknownKey(let l, let key, let context, let expected):
      return "\(l): unknown key '\(key)' in \(context); expected one of: \(expected.joined(separator: ", "))"
    case .missingKey(let l, let key, let context):
      return "\(l): \(context) has no '\(key)'"
    case .wrongType(let l, let key, let expected):
      return "\(l): '\(key)' must be \(expected)"
    case .invalidValue(let l, let key, let value, let expected):
      return "\(l): '\(value)' is not a valid \(key); expected one of: \(expected.joined(separator: ", "))"
    case .duplicateID(let l, let id, let first):
      return "\(l): duplicate rule id '\(id)' (first defined at \(first))"
    case .unknownLexicon(let l, let name, let known):
      let hint = Self.closest(to: name, in: known).map { " (did you mean '@\($0)'?)" } ?? ""
      return "\(l): unknown lexicon '@\(name)'\(hint)"
    case .badPattern(let l, let pattern, let reason):
      return "\(l): invalid pattern '\(pattern)': \(reason)"
    case .missingExamples(let l, let rule, let kind):
      return "\(l): rule '\(rule)' has no '\(kind)' examples; every rule needs texts it must flag and texts it must pass"
    case .unknownRule(let l, let id):
      return "\(l): 'requires' names unknown rule '\(id)'"
    case .kindMismatch(let l, let stated, let needs, let keysMake):
      return "\(l): the rule says kind '\(stated)', which needs \(needs), but its keys make it '\(keysMake)'"
    case .unknownName(let l, let kind, let name, let context, let suggestion):
      let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
      return "\(l): \(context) names unknown \(kind) '\(name)'\(hint)"
    }
  }

  /// The known name nearest to a misspelt one, when it is near enough to be a typo.
  public static func closest(to name: String, in known: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
      var row = Array(0...b.count)
      for i in 1...max(a.count, 1) where !a.isEmpty {
        var previous = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
          let old = row[j]
          row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
          previous = old
        }
      }
      return row[b.count]
    }
    let a = Array(name)
    let best = known.map { ($0, distance(a, Array($0))) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= max(2, name.count / 3) else { return nil }
    return best.0
  }
}
