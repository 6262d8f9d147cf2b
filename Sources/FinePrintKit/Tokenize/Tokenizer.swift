/// Splits text into tokens with normalised forms, each with an ID from a shared `Vocabulary`.
///
/// Normalisation: case folded; curly quotes, primes and dashes folded; ligatures expanded
/// (`ﬁ` → `fi`); hyphenated words split (`third-party` → `third` `party`); contractions
/// expanded (`don't` → `do` `not`, `won't` → `will` `not`, `we'll` → `we` `will`); possessive
/// `'s` dropped; `&` read as `and`. Abbreviations and numbers with inner dots stay one token
/// (`u.s`, `e.g`, `3.5`). The punctuation that shapes a clause (`, ; : ( ) . ! ? § $ %`) and the
/// currency signs (`€ £ ¥ ₹`) are kept as tokens; quotes and other symbols are not.
public struct Tokenizer: Sendable {
  public let vocabulary: Vocabulary
  public let prefixes: PrefixTable
  /// The ID every number no rule names receives (`#number` in patterns), if rules use it.
  public let numberID: TokenID?
  /// The ID the document's own name for its provider receives (`#provider` in patterns), if
  /// rules use it: "VoxBounty" in `VoxBounty Ltd. ("VoxBounty", "we")`.
  public let providerID: TokenID?
  /// The one-word names the document gives its provider (`naming(_:)`), as normalised bytes.
  public private(set) var providerNames: [[UInt8]] = []

  public init(vocabulary: Vocabulary, prefixes: PrefixTable = PrefixTable(), numberID: TokenID? = nil) {
    self.vocabulary = vocabulary
    self.prefixes = prefixes
    self.numberID = numberID
    providerID = vocabulary.id(of: "#provider")
  }

  /// This tokenizer for one document: a word no rule names that is the document's one-word name
  /// for its provider reads as `#provider`, so "as VoxBounty sees fit" matches where "as we see
  /// fit" does. Words the rules name keep their own ID ("the Company" stays "company").
  public func naming(_ parties: DocumentParties) -> Tokenizer {
    guard providerID != nil else { return self }
    var copy = self
    copy.providerNames = parties.providerWords.map { Array($0.utf8) }
    return copy
  }

  /// Tokens of `bytes[range]`, looked up in the frozen vocabulary (unknown words get
  /// `Vocabulary.unknown`).
  /// - Complexity: O(range.count).
  public func tokens(in bytes: [UInt8], range: Range<Int>) -> [Token] {
    var resolver = lookupResolver()
    var out: [Token] = []
    out.reserveCapacity(range.count / 5)
    Self.scan(bytes, range: range, resolver: &resolver, into: &out)
    return out
  }

  /// The resolver `appendTokens` looks words up with, made once for many ranges: made for each
  /// clause, it retained the vocabulary's tables every time, and threads tokenizing clauses at
  /// once fought over their reference counts.
  func lookupResolver() -> LookupResolver {
    LookupResolver(
      vocabulary: vocabulary, prefixes: prefixes, numberID: numberID, providerID: providerID,
      providerNames: providerNames)
  }

  /// `tokens(in:range:)` appended to `out`, with a resolver from `lookupResolver()`.
  static func appendTokens(in bytes: [UInt8], range: Range<Int>, resolver: inout LookupResolver, to out: inout [Token]) {
    scan(bytes, range: range, resolver: &resolver, into: &out)
  }

  /// Tokens of `bytes[range]`, adding every new word to `vocabulary`.
  public static func tokenize(_ bytes: [UInt8], range: Range<Int>, interning vocabulary: inout Vocabulary)
    -> [Token]
  {
    var resolver = InterningResolver(vocabulary: vocabulary)
    var out: [Token] = []
    scan(bytes, range: range, resolver: &resolver, into: &out)
    vocabulary = resolver.vocabulary
    return out
  }

  /// The normalised words of a phrase, as the tokenizer would see them in text.
  public static func normalizedWords(_ text: String) -> [String] {
    // The words as they come, without a vocabulary: interning each phrase's few words in a table
    // of its own cost more than the rest of reading it (a document's definitions read many).
    var resolver = CollectingResolver()
    var tokens: [Token] = []
    let bytes = Array(text.utf8)
    scan(bytes, range: 0..<bytes.count, resolver: &resolver, into: &tokens)
    return resolver.words
  }
}

/// Resolves a normalised word to its ID.
protocol WordResolver {
  mutating func resolve(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> TokenID
}

struct LookupResolver: WordResolver {
  let vocabulary: Vocabulary
  let prefixes: PrefixTable
  let numberID: TokenID?
  let providerID: TokenID?
  let providerNames: [[UInt8]]
  func resolve(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> TokenID {
    let id = vocabulary.lookup(word, hash: hash)
    if id != Vocabulary.unknown { return id }
    if let numberID, Self.isNumber(word) { return numberID }
    if let providerID, providerNames.contains(where: { $0.elementsEqual(word) }) { return providerID }
    return prefixes.lookup(word)
  }

  /// Digits, with inner dots or commas ("12", "3.5", "1,000" arrives as "1" "," "000").
  static func isNumber(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = word.first, first >= 0x30, first <= 0x39 else { return false }
    return word.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }
  }
}

/// Keeps every word it is given, in order (`normalizedWords`); an ID is its place in the list.
struct CollectingResolver: WordResolver {
  var words: [String] = []
  mutating func resolve(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> TokenID {
    words.append(String(decoding: word, as: UTF8.self))
    return TokenID(truncatingIfNeeded: words.count)
  }
}

struct InterningResolver: WordResolver {
  var vocabulary: Vocabulary
  mutating func resolve(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> TokenID {
    vocabulary.intern(word, hash: hash)
  }
}
