/// The parties a document names for itself, learned from its own definitions: `VoxBounty Ltd.
/// ("VoxBounty", "we")` makes "VoxBounty" the provider, `the person taking part (the
/// "Contributor")` makes "Contributor" the reader. The clause reader knows "we", "you", "the
/// Company", "the participant" without them (`ReadingWords`); these are the names a fixed list
/// cannot hold.
public struct DocumentParties: Sendable, Hashable {
  /// A name as normalised words ("study", "team"), and the party it names.
  public struct Name: Sendable, Hashable {
    public var words: [String]
    public var party: Party
  }

  public private(set) var names: [Name] = []
  /// Who "I" is: the reader where the document has the person sign in the first person ("I
  /// agree", "I understand", "I consent"), else the provider (a person's policy for their site).
  public var firstPerson: Party = .provider

  public init(names: [Name] = [], firstPerson: Party = .provider) {
    self.names = names
    self.firstPerson = firstPerson
  }

  /// The first-person phrases of a signer ("I agree", "I have read"), as lower-case bytes.
  static let signerPhrases = [
    "i agree", "i understand", "i consent", "i have read", "i acknowledge", "i confirm", "i authorize", "i authorise",
    "i voluntarily", "i give my", "i grant", "i certify", "i am at least",
  ].map { Array($0.utf8) }

  /// The provider's one-word names, normalised ("voxbounty"): what `#provider` stands for.
  public var providerWords: [String] {
    names.filter { $0.party == .provider && $0.words.count == 1 }.map { $0.words[0] }
  }

  /// Nothing learned: the clause reader's own words only.
  public static let none = DocumentParties()

  /// Words that end a company's name and say it is an organisation.
  static let organisationSuffixes: Set<String> = [
    "inc", "ltd", "llc", "llp", "plc", "gmbh", "ag", "corp", "corporation", "limited", "company", "co", "sa", "bv",
    "university", "foundation", "institute", "labs", "lab", "trust", "association",
  ]
  /// Defined terms that name things, not parties ("Services", "Terms"): never learned as a party.
  static let things: Set<String> = [
    "service", "services", "terms", "agreement", "policy", "data", "app", "application", "site", "website",
    "content", "materials", "platform", "study", "project", "program", "programme", "software", "information",
    "recordings", "submissions", "work", "works", "license", "licence", "consent", "form", "effective", "date",
  ]

  /// Learns the parties of a document from its definitions in parentheses: a definition that
  /// says "we"/"us"/"our" names the provider, one that says "you"/"your" names the reader, a
  /// defined term that is itself a party word ("the Participant") names that party, and a
  /// term defined right after a company's name (`Acme Inc. ("Acme")`) names the provider.
  /// A large document is read in ranges on `threads` threads (what is learned is the same).
  /// - Complexity: O(document bytes); only the bytes near a `(` are read.
  public init(learningFrom bytes: [UInt8], threads: Int = 1) {
    // A parenthesis read runs to the first `)` or `(` after it, so each `(` is read on its own,
    // wherever a range starts.
    let parts = ParallelChunks.map(count: bytes.count, threads: threads, minimumChunk: Self.minimumChunk) { range in
      (names: Self.definitions(in: bytes, opening: range), signer: Self.hasSigner(bytes, startingIn: range))
    }
    var seen = Set<[String]>()
    names = parts.flatMap(\.names).filter { seen.insert($0.words).inserted }
    firstPerson = parts.contains { $0.signer } ? .reader : .provider
  }

  /// Bytes a thread reads at least.
  static let minimumChunk = 1 << 18

  /// The names defined by the parentheses that open in `range`, in order.
  static func definitions(in bytes: [UInt8], opening range: Range<Int>) -> [Name] {
    var found: [Name] = []
    let open = UInt8(ascii: "(")
    var index = range.lowerBound
    while index < range.upperBound {
      // The whole document passes here: to the next `(` many bytes at a time.
      guard let next = bytes.firstIndex(of: open, in: index..<range.upperBound) else { break }
      index = next
      var close = index + 1
      while close < bytes.count && close - index < 160 && bytes[close] != UInt8(ascii: ")") && bytes[close] != open {
        close += 1
      }
      // No `(` lies inside, so the next one to read is at `close` or after it.
      defer { index = close < bytes.count && bytes[close] == UInt8(ascii: ")") ? close + 1 : index + 1 }
      guard close < bytes.count, bytes[close] == UInt8(ascii: ")") else { continue }
      // Only a quoted term defines a name: most parentheses have no quote (" “ ”) and need no strings.
      guard bytes[(index + 1)..<close].contains(where: { $0 == UInt8(ascii: "\"") || $0 == 0xE2 }) else { continue }
      let inside = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
      let before = String(decoding: bytes[max(0, index - 80)..<index], as: UTF8.self)
      found += Self.definitions(inside: inside, before: before)
    }
    return found
  }

  /// Whether the text has the person sign in the first person ("I agree", "I understand").
  static func hasSigner(_ bytes: [UInt8]) -> Bool { hasSigner(bytes, startingIn: 0..<bytes.count) }

  /// Whether a signer's phrase starts in `range`.
  static func hasSigner(_ bytes: [UInt8], startingIn range: Range<Int>) -> Bool {
    bytes.withUnsafeBufferPointer { hasSigner($0, startingIn: range) }
  }

  /// `hasSigner` over raw memory: the whole document passes here, eight positions at a time
  /// where it can (most text has no "i" or "I" before a space in eight bytes), else byte by byte.
  private static func hasSigner(_ bytes: UnsafeBufferPointer<UInt8>, startingIn range: Range<Int>) -> Bool {
    var index = range.lowerBound
    while index < range.upperBound && index + 1 < bytes.count {
      if let base = bytes.baseAddress, index + 8 <= range.upperBound, index + 9 <= bytes.count {
        // Positions index..<index + 8 are passed over when none holds "i" or "I" (0x20 apart)
        // followed by a space: the test below needs both.
        let here = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        let next = UnsafeRawPointer(base + index + 1).loadUnaligned(as: UInt64.self)
        if equalBytes(here | 0x2020_2020_2020_2020, UInt8(ascii: "i")) & equalBytes(next, 0x20) == 0 {
          index += 8
          continue
        }
      }
      // A capital or small "i" at a word start, followed by a space.
      if (bytes[index] == UInt8(ascii: "I") || bytes[index] == UInt8(ascii: "i")) && bytes[index + 1] == UInt8(ascii: " ")
        && (index == 0 || !(bytes[index - 1].isASCIILetter))
      {
        for phrase in signerPhrases where index + phrase.count <= bytes.count {
          var same = true
          for (offset, byte) in phrase.enumerated() where bytes[index + offset] | 0x20 != byte | 0x20 {
            same = false
            break
          }
          if same { return true }
        }
      }
      index += 1
    }
    return false
  }

  /// The high bit of each byte of `word` that equals `byte`, and no other bit (exact: no carry
  /// runs from one byte into the next).
  @inline(__always)
  static func equalBytes(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((x & low7) &+ low7) | x) & 0x8080_8080_8080_8080
  }

  /// The names a parenthesis defines, with their party, or none.
  static func definitions(inside: String, before: String) -> [Name] {
    let terms = quotedTerms(inside)
    guard !terms.isEmpty else { return [] }
    let words = Set(Tokenizer.normalizedWords(inside))
    let named: Party?
    if !words.isDisjoint(with: ["we", "us", "our"]) {
      named = .provider
    } else if !words.isDisjoint(with: ["you", "your"]) {
      named = .reader
    } else if let role = terms.lazy.compactMap({ $0.last.flatMap(Self.role(of:)) }).first {
      named = role
    } else if let last = Tokenizer.normalizedWords(before).last(where: { $0.contains(where: \.isLetter) }),
      organisationSuffixes.contains(last.filter(\.isLetter))
    {
      named = .provider
    } else {
      named = nil
    }
    guard let party = named else { return [] }
    var out = terms.filter { term in
      !term.allSatisfy { things.contains($0) || ReadingWords.provider.contains($0) || ReadingWords.reader.contains($0) }
    }.map { Name(words: $0, party: party) }
    // The proper name just before the parenthesis: "VoxBounty Ltd. ("we")".
    if party == .provider, let name = properName(before) { out.append(Name(words: name, party: party)) }
    return out
  }

  /// The party a role word names ("participant" → reader, "licensee" → provider).
  static func role(of word: String) -> Party? {
    if ReadingWords.reader.contains(word) { return .reader }
    if ReadingWords.provider.contains(word) { return .provider }
    return nil
  }

  /// The terms in quotes inside a parenthesis, as normalised words, at most four words each.
  static func quotedTerms(_ text: String) -> [[String]] {
    var out: [[String]] = []
    var current = ""
    var inQuote = false
    for character in text {
      if Self.isQuote(character) {
        if inQuote {
          let words = Tokenizer.normalizedWords(current)
          if !words.isEmpty && words.count <= 4 { out.append(words) }
          current = ""
        }
        inQuote.toggle()
      } else if inQuote {
        current.append(character)
      }
    }
    return out
  }

  /// Whether a character is `"`, `“` or `”`, told by its bytes: comparing characters as strings
  /// was most of the cost of reading a definition.
  static func isQuote(_ character: Character) -> Bool {
    let bytes = character.utf8
    if bytes.count == 1 { return bytes.first == UInt8(ascii: "\"") }
    return bytes.count == 3 && bytes.starts(with: [0xE2, 0x80]) && (bytes.last == 0x9C || bytes.last == 0x9D)
  }

  /// Up to three capitalised words ending the text, without an organisation suffix
  /// ("VoxBounty Ltd." → ["voxbounty"]), or nil.
  static func properName(_ text: String) -> [String]? {
    let raw = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).suffix(4)
    var words: [String] = []
    for word in raw.reversed() {
      guard let first = word.first(where: \.isLetter), first.isUppercase else { break }
      words.insert(String(word), at: 0)
      if words.count == 4 { break }
    }
    var normalized = Tokenizer.normalizedWords(words.joined(separator: " ")).filter { $0.contains(where: \.isLetter) }
    while let last = normalized.last, organisationSuffixes.contains(last.filter(\.isLetter)) { normalized.removeLast() }
    guard !normalized.isEmpty, normalized.count <= 3,
      !normalized.allSatisfy({ things.contains($0) || ReadingWords.provider.contains($0) })
    else { return nil }
    return normalized
  }

  /// The learned name that ends at token `index`, by the tokens' normalised texts.
  func name(endingAt index: Int, lowerBound: Int, text: (Int) -> String) -> Name? {
    guard !names.isEmpty else { return nil }
    let last = text(index)
    for name in names where name.words.last == last && index - name.words.count + 1 >= lowerBound {
      var ok = true
      for (offset, word) in name.words.reversed().enumerated().dropFirst() where text(index - offset) != word {
        ok = false
        break
      }
      if ok { return name }
    }
    return nil
  }
}

extension UInt8 {
  /// An ASCII letter, either case.
  var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
}
