import Testing
@testable import FinePrintKit

@Suite("Tokenizer")
struct TokenizerTests {
  @Test(
    "Case, quotes, dashes and ligatures are folded",
    arguments: [
      ("We MAY Sell", ["we", "may", "sell"]),
      ("don't", ["do", "not"]),
      ("We don’t sell", ["we", "do", "not", "sell"]),
      ("can't won't cannot", ["can", "not", "will", "not", "can", "not"]),
      ("third-party partners", ["third", "party", "partners"]),
      ("third–party", ["third", "party"]),
      ("the ﬁnal ﬂow", ["the", "final", "flow"]),
      ("the company’s partners", ["the", "company", "partners"]),
      ("we'll share, you're", ["we", "will", "share", ",", "you", "are"]),
      ("U.S. users, e.g. you", ["u.s", ".", "users", ",", "e.g", ".", "you"]),
      ("Terms & Conditions (the \"Terms\")", ["terms", "and", "conditions", "(", "the", "terms", ")"]),
      ("§ 7.2 of 3.5%", ["§", "7.2", "of", "3.5", "%"]),
      ("€25, £10, ¥300, ₹5 or $[Amount]", ["€", "25", ",", "£", "10", ",", "¥", "300", ",", "₹", "5", "or", "$", "amount"]),
      ("ÉTÉ Straße", ["été", "straße"]),
    ])
  func normalises(text: String, expected: [String]) {
    #expect(Tokenizer.normalizedWords(text) == expected)
  }

  @Test("The scanner's quick test for ASCII letters and digits agrees with the class table")
  func asciiWordBytes() {
    for b in 0...255 {
      let byte = UInt8(b)
      #expect(WordScanner.isASCIIWordByte(byte) == (b < 128 && Tokenizer.asciiClass[b] == .word), "byte \(b)")
    }
  }

  @Test("Token ranges point at the words in the text, after a multi-byte prefix")
  func ranges() {
    let text = "😀 中文 We don't sell"
    let bytes = Array(text.utf8)
    var vocabulary = Vocabulary()
    let tokens = Tokenizer.tokenize(bytes, range: 0..<bytes.count, interning: &vocabulary)
    let words = tokens.map { String(decoding: bytes[$0.range], as: UTF8.self) }
    #expect(words == ["中文", "We", "do", "n't", "sell"])
  }

  @Test("A frozen vocabulary gives known words their IDs and unknown words `unknown`")
  func frozenLookup() {
    var vocabulary = Vocabulary()
    let sell = vocabulary.intern("sell")
    let tokenizer = Tokenizer(vocabulary: vocabulary)
    let bytes = Array("We SELL data".utf8)
    let ids = tokenizer.tokens(in: bytes, range: 0..<bytes.count).map(\.id)
    #expect(ids == [Vocabulary.unknown, sell, Vocabulary.unknown])
  }

  @Test("IDs are stable: the same word always gets the same ID, across many words")
  func stableIDs() {
    var vocabulary = Vocabulary()
    let words = (0..<5000).map { "w\($0)" }
    let ids = words.map { vocabulary.intern($0) }
    #expect(Set(ids).count == words.count)
    #expect(words.map { vocabulary.id(of: $0) } == ids.map { Optional($0) })
    #expect(vocabulary.word(for: ids[4321]) == "w4321")
  }
}

@Suite("The document's own name for its provider")
struct ProviderNameTests {
  static let definition = "Harbourline Inc. (\"Harbourline\", \"we\") runs a voice archive."

  @Test("A word no rule names that the document defines as its provider reads as #provider")
  func nameReadsAsProvider() throws {
    let engine = try TestSupport.engine()
    let text = Self.definition + " Harbourline may keep the Company's files."
    let bytes = Array(text.utf8)
    let providerID = try #require(engine.tokenizer.providerID)
    let named = engine.tokenizer.naming(DocumentParties(learningFrom: bytes)).tokens(in: bytes, range: 0..<bytes.count)
    let plain = engine.tokenizer.tokens(in: bytes, range: 0..<bytes.count)
    // The three "Harbourline"s (the name, its definition, the one that acts), and nothing else:
    // every other word, "Company" among them, keeps its ID.
    #expect(named.count { $0.id == providerID } == 3)
    #expect(plain.count { $0.id == providerID } == 0)
    #expect(named.count == plain.count)
    for (n, p) in zip(named, plain) where n.id != providerID { #expect(n.id == p.id) }
    #expect(named.contains { $0.id == engine.tokenizer.vocabulary.id(of: "company") })
  }

  @Test("Rules read the provider's own name where they read \"we\"")
  func rulesReadTheName() throws {
    let linter = Linter(engine: try TestSupport.engine())
    func rules(_ text: String) throws -> Set<String> { Set(try linter.lint(TestSupport.document(text)).map(\.rule)) }
    let named = try rules(Self.definition + "\n\nHarbourline may use your recordings in any way Harbourline sees fit.")
    let we = try rules(Self.definition + "\n\nWe may use your recordings in any way we see fit.")
    #expect(named.contains("any-purpose") && we.contains("any-purpose"))
    // Undefined, the same word is just a word.
    let undefined = try rules("Harbourline may use your recordings in any way Harbourline sees fit.")
    #expect(!undefined.contains("any-purpose"))
  }
}
