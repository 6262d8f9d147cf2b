/// Parses the pattern language of `PatternNode` from a rule file's text.
struct PatternParser {
  struct Failure: Error, Equatable {
    var reason: String
  }

  private enum Lexeme: Equatable {
    case open
    case close(optional: Bool)
    case bar
    case item(String)
  }

  /// The gap `...` stands for.
  static let defaultGap = 8

  static func parse(_ text: String) throws(Failure) -> PatternNode {
    var parser = PatternParser(lexemes: try lex(text))
    let node = try parser.alternation()
    if parser.position < parser.lexemes.count {
      throw Failure(reason: "unbalanced ')'")
    }
    if case .sequence(let items) = node, case .gap = items.last {
      // Usually YAML's doing: in an unquoted `- … #number`, ' #' starts a comment.
      throw Failure(reason: "a pattern cannot end with a gap (if it ended with #number, quote it: YAML reads ' #' as a comment)")
    }
    if case .sequence(let items) = node, case .gap = items.first {
      throw Failure(reason: "a pattern cannot start with a gap")
    }
    return node
  }

  private let lexemes: [Lexeme]
  private var position = 0

  private init(lexemes: [Lexeme]) {
    self.lexemes = lexemes
  }

  private static func lex(_ text: String) throws(Failure) -> [Lexeme] {
    var out: [Lexeme] = []
    let chars = Array(text)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c.isWhitespace {
        i += 1
      } else if c == "(" {
        out.append(.open)
        i += 1
      } else if c == ")" {
        let optional = i + 1 < chars.count && chars[i + 1] == "?"
        out.append(.close(optional: optional))
        i += optional ? 2 : 1
      } else if c == "|" {
        out.append(.bar)
        i += 1
      } else if c == "/" {
        var j = i + 1
        var body = ""
        while j < chars.count && chars[j] != "/" {
          if chars[j] == "\\" && j + 1 < chars.count {
            body.append(chars[j])
            j += 1
          }
          body.append(chars[j])
          j += 1
        }
        guard j < chars.count else { throw Failure(reason: "regular expression without closing '/'") }
        out.append(.item("/" + body + "/"))
        i = j + 1
        if i < chars.count, chars[i] == "?" {
          out[out.count - 1] = .item("/" + body + "/?")
          i += 1
        }
      } else {
        var j = i
        var item = ""
        while j < chars.count && !chars[j].isWhitespace && chars[j] != "(" && chars[j] != ")" {
          if chars[j] == "|" && (j + 1 >= chars.count || chars[j + 1].isWhitespace) { break }
          if chars[j] == "|" && item.isEmpty { break }
          item.append(chars[j])
          j += 1
        }
        if item.isEmpty {
          out.append(.bar)
          i = j + 1
        } else {
          out.append(.item(item))
          i = j
        }
      }
    }
    return out
  }

  private mutating func alternation(inGroup: Bool = false) throws(Failure) -> PatternNode {
    var branches = [try sequence(inGroup: inGroup)]
    while position < lexemes.count, lexemes[position] == .bar {
      position += 1
      branches.append(try sequence(inGroup: inGroup))
    }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }

  private mutating func sequence(inGroup: Bool) throws(Failure) -> PatternNode {
    var items: [PatternNode] = []
    var listed: String?
    var previousListed = false
    loop: while position < lexemes.count {
      if case .item(let text) = lexemes[position], text.contains("|"), !text.hasPrefix("/") {
        if previousListed, case .item(let previous) = lexemes[position - 1] {
          throw Failure(
            reason: "'\(previous) \(text)' is ambiguous: for an alternative of several words "
              + "write spaces around '|', as in (shared | made available), and put single-word lists in their own parentheses")
        }
        previousListed = true
        listed = text
      } else {
        previousListed = false
      }
      switch lexemes[position] {
      case .bar, .close:
        break loop
      case .open:
        position += 1
        let inner = try alternation(inGroup: true)
        guard position < lexemes.count, case .close(let optional) = lexemes[position] else {
          throw Failure(reason: "'(' without a closing ')'")
        }
        position += 1
        items.append(optional ? .optional(inner) : inner)
      case .item(let text):
        position += 1
        items.append(try Self.item(text))
      }
    }
    if items.isEmpty { throw Failure(reason: "empty alternative: nothing between '|' or parentheses") }
    if inGroup, items.count > 1, let listed {
      throw Failure(
        reason: "'\(listed)' inside parentheses with other words is ambiguous: write (a | b c) with spaces "
          + "around '|' for alternatives of several words, or (a|b) c for a word list followed by more")
    }
    return items.count == 1 ? items[0] : .sequence(items)
  }

  /// One space-separated item: a gap, a lexicon, a regex or word alternatives, maybe optional.
  private static func item(_ raw: String) throws(Failure) -> PatternNode {
    if raw == "{match}" { return .matchAnchor }
    if raw == "{within}" { return .withinAnchor }
    for special in ["#number", "#provider"] where raw == special || raw == special + "?" {
      return raw.hasSuffix("?") ? .optional(.words([special])) : .words([special])
    }
    if raw == "..." { return .gap(max: defaultGap) }
    if raw.hasPrefix("..") {
      guard let n = Int(raw.dropFirst(2)), n > 0, n <= 50 else {
        throw Failure(reason: "'\(raw)' is not a gap: write ..N with N from 1 to 50, or ...")
      }
      return .gap(max: n)
    }
    var text = raw
    var optional = false
    if text.hasSuffix("?") && text.count > 1 {
      optional = true
      text.removeLast()
    }
    let node: PatternNode
    if text.hasPrefix("/") {
      node = .regex(String(text.dropFirst().dropLast()))
    } else if text.hasPrefix("@") && !text.contains("|") {
      let name = String(text.dropFirst())
      guard !name.isEmpty else { throw Failure(reason: "'@' without a lexicon name") }
      node = .lexicon(name)
    } else {
      node = try words(text)
    }
    return optional ? .optional(node) : node
  }

  /// `sell+|rent+|license+`, `arbitrat*`, `third-party`: word alternatives.
  private static func words(_ text: String) throws(Failure) -> PatternNode {
    var branches: [PatternNode] = []
    var plain: [String] = []
    for part in text.split(separator: "|", omittingEmptySubsequences: false).map(String.init) {
      guard !part.isEmpty else { throw Failure(reason: "empty alternative in '\(text)'") }
      if part.hasPrefix("@") {
        guard part.count > 1 else { throw Failure(reason: "'@' without a lexicon name") }
        branches.append(.lexicon(String(part.dropFirst())))
        continue
      }
      if part.hasSuffix("*") && part.count > 1 {
        let words = Tokenizer.normalizedWords(String(part.dropLast()))
        guard let last = words.last else { throw Failure(reason: "'\(part)' has no word in it") }
        // `sub-licen*`: the words before the last stand as they are, the last is the prefix.
        let head = words.dropLast().map { PatternNode.words([$0]) }
        branches.append(head.isEmpty ? .prefix(last) : .sequence(head + [.prefix(last)]))
        continue
      }
      if part.dropLast().contains("?") || part.dropLast().contains("*") || part.dropLast().contains("+") {
        throw Failure(
          reason: "'\(part)': ?, * and + go at the end of a word (optional, prefix, word forms); list other spellings with |")
      }
      let inflect = part.hasSuffix("+") && part.count > 1
      let words = Tokenizer.normalizedWords(inflect ? String(part.dropLast()) : part)
      guard !words.isEmpty else { throw Failure(reason: "'\(part)' has no word in it") }
      let last = inflect ? WordForms.forms(of: words[words.count - 1]) : [words[words.count - 1]]
      if words.count == 1 {
        plain.append(contentsOf: last)
      } else {
        let head = words.dropLast().map { PatternNode.words([$0]) }
        branches.append(.sequence(head + [.words(last)]))
      }
    }
    if !plain.isEmpty { branches.insert(.words(plain), at: 0) }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }
}
