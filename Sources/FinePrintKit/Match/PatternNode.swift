/// A parsed token pattern, before it is compiled into the automaton.
///
/// The pattern language, one element per space-separated item:
/// - `sell` a word, compared after the tokenizer's normalisation (case, quotes, dashes);
/// - `sell+` the word and its inflections (`sells`, `selling`, `sold`; `party` → `parties`);
/// - `arbitrat*` any word starting with `arbitrat`;
/// - `sell+|rent+|license+` alternatives of single words (no spaces around `|`);
/// - `(opt out | unsubscribe)` alternatives of sequences, in parentheses with spaced `|`;
/// - `@personal-data` every phrase of a lexicon;
/// - `your?`, `(at any time)?` an optional element;
/// - `..4` up to four words of any kind (never across `;` or a sentence end), `...` up to eight;
/// - `/^\d+$/` a regular expression over one normalised word (the rare case; never first);
/// - `{match}` in an `unless` pattern: where the rule's match stands;
/// - `{within}` at the start of an `unless` pattern: the rest must lie inside the rule's match.
indirect enum PatternNode: Hashable, Sendable {
  /// One token that is any of these normalised words.
  case words([String])
  /// One token that starts with this normalised prefix.
  case prefix(String)
  /// One token whose normalised text the regular expression matches.
  case regex(String)
  case lexicon(String)
  case sequence([PatternNode])
  case alternation([PatternNode])
  case optional(PatternNode)
  /// Zero to `max` tokens of any kind.
  case gap(max: Int)
  case matchAnchor
  /// `{within}`: the `unless` pattern after it must lie inside the match.
  case withinAnchor

  /// True when the node can match without consuming a token.
  var canBeEmpty: Bool {
    switch self {
    case .words, .prefix, .regex: return false
    case .lexicon: return false
    case .sequence(let items): return items.allSatisfy(\.canBeEmpty)
    case .alternation(let items): return items.contains(where: \.canBeEmpty)
    case .optional, .gap, .matchAnchor, .withinAnchor: return true
    }
  }
}
