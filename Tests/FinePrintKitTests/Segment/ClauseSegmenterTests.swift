import Foundation
import Testing
@testable import FinePrintKit

@Suite("Clause segmentation")
struct ClauseSegmenterTests {
  func clauses(_ text: String) throws -> [(kind: Clause.Kind, text: String, headings: [String])] {
    let doc = try TestSupport.document(text)
    return ClauseSegmenter().clauses(in: doc).map { ($0.kind, ClauseSegmenter.collapsed(doc.text(in: $0.range)), $0.headings) }
  }

  @Test(
    "Sentences do not end at abbreviations, initials or decimals",
    arguments: [
      ("We share data with Acme Inc. and its affiliates, e.g. Acme Ltd. in the U.S. today.", 1),
      ("See Sec. 4 and No. 7 of the Act. Then read Art. 3.", 2),
      ("The fee is 3.5 euros per hour. J. Smith signed it.", 2),
      ("We may change this (see section 2. below) at any time. You agree.", 2),
      ("He said \"we sell data.\" Then he left.", 2),
      ("Is this fair? Yes! It is.", 3),
    ])
  func sentences(text: String, count: Int) throws {
    #expect(try clauses(text).count == count)
  }

  @Test(
    "A heading's words read on ASCII bytes give what reading them on characters gives",
    arguments: [
      "Binding Arbitration.", "JURY TRIAL WAIVER.", "THE APP IS PROVIDED AS IS.", "Terms of use", "Terms of Use",
      "how we use your data", "Data we collect", "Should you agree?", "  Your\tRights  and  Choices ", "a",
      "WE CANNOT DO THAT", "Help & Support - contact", "informationally speaking", "x", "",
    ])
  func titleWords(line: String) {
    let bytes = Array(line.utf8)
    let ascii = ClauseSegmenter.asciiTitleWords(bytes, 0..<bytes.count)
    let unicode = ClauseSegmenter.unicodeTitleWords(bytes, 0..<bytes.count)
    #expect(ascii.wordCount == unicode.wordCount && ascii.titleCase == unicode.titleCase && ascii.hasVerb == unicode.hasVerb)
  }

  @Test("A line's width counted eight bytes at a time is its number of code points")
  func displayLength() {
    let pieces = ["a", "é", "中", "😀", "“quoted”", " ", "words and more words"]
    var line = ""
    for k in 0..<60 {
      line += pieces[(k * 5 + k / 3) % pieces.count]
      let bytes = Array(line.utf8)
      for start in 0..<min(9, bytes.count) where bytes[start] & 0xC0 != 0x80 {
        let expected = String(decoding: bytes[start...], as: UTF8.self).unicodeScalars.count
        #expect(ClauseSegmenter.displayLength(bytes, start..<bytes.count) == expected)
      }
    }
  }

  @Test(
    "Folding white space on bytes gives what folding it on characters gives",
    arguments: [
      "", " ", "  Terms \t of\r\nService  ", "\u{0B}A\u{0C}B\u{1F}C", "One", "a  b", "\n\n",
      "Données  personnelles", "Caf\u{E9}\u{A0}\u{2003}menu", "x \u{301}y",
    ])
  func collapsedWhiteSpace(text: String) {
    #expect(ClauseSegmenter.collapsed(text) == text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
  }

  @Test("Numbered sections become headings and build the heading path")
  func headingPath() throws {
    let result = try clauses(
      """
      TERMS OF SERVICE

      7. Disputes

      7.2 Arbitration

      Any dispute will be resolved by binding arbitration.

      8. Liability

      We are not liable.
      """)
    #expect(result.map(\.kind) == [.heading, .heading, .heading, .sentence, .heading, .sentence])
    #expect(result[3].headings == ["TERMS OF SERVICE", "7. Disputes", "7.2 Arbitration"])
    #expect(result[5].headings == ["TERMS OF SERVICE", "8. Liability"])
  }

  @Test("Hard-wrapped text: a single line break is no boundary, a blank line is")
  func hardWrapped() throws {
    let result = try clauses(
      """
      We may share your health data with our partners, including insurers and
      employers that sponsor wellness programmes, for their own purposes.

      A second paragraph starts here.
      """)
    #expect(
      result.map(\.text) == [
        "We may share your health data with our partners, including insurers and employers that sponsor wellness programmes, for their own purposes.",
        "A second paragraph starts here.",
      ])
  }

  @Test("A line that leaves its sentence open goes on in a next line in lower case, short or long")
  func openSentenceAcrossLines() throws {
    let long = String(repeating: "This line is a whole paragraph of a contract, ", count: 3)
    let result = try clauses(
      """
      \(long)and if you opt out, we may
      still send you messages about your account.
      Short line
      next words.
      A heading-like line
      Then a capitalised sentence.
      """)
    #expect(result.count == 4)
    #expect(result[0].text.hasSuffix("we may still send you messages about your account."))
    #expect(result[1].text == "Short line next words.")
  }
  @Test("A list's items carry the sentence that introduces it with a colon, until a heading or a sentence outside it")
  func listLeadIn() throws {
    let doc = try TestSupport.document(
      """
      We may share your recordings with:

      - advertising networks;
      - data brokers. They resell it.

      Some other sentence.

      - an item after it
      """)
    let clauses = ClauseSegmenter().clauses(in: doc)
    let leadIns = clauses.map { $0.leadIn.map { doc.text(in: $0) } }
    #expect(clauses.map(\.kind) == [.sentence, .listItem, .listItem, .sentence, .sentence, .listItem])
    #expect(leadIns == [nil, "We may share your recordings with:", "We may share your recordings with:", nil, nil, nil])
  }

  @Test("Lines that start with a marker are list items, even inside a wrapped paragraph")
  func listItems() throws {
    let result = try clauses(
      """
      You must not:
      - copy the recordings
      - sell them to anyone
      (a) reverse engineer the app;
      (iv) remove any notice.
      """)
    #expect(result.map(\.kind) == [.sentence, .listItem, .listItem, .listItem, .listItem])
    #expect(result[2].text == "- sell them to anyone")
  }

  @Test("Unwrapped paragraphs (one per line) are separate units")
  func onePerLine() throws {
    let long = String(repeating: "This line is a whole paragraph of a contract ", count: 3)
    let result = try clauses("\(long)one\n\(long)two")
    #expect(result.count == 2)
  }

  @Test("Semicolons split an enumerated list into sub-clauses, which keep the list's lead-in")
  func subClauses() throws {
    let doc = try TestSupport.document("You agree not to: (a) copy the service; (b) sell your data; and (c) reverse engineer it.")
    let result = ClauseSegmenter().clauses(in: doc)
    #expect(
      result.map { doc.text(in: $0.range) } == [
        "You agree not to: (a) copy the service;", "(b) sell your data;", "and (c) reverse engineer it.",
      ])
    #expect(result.allSatisfy { $0.kind == .subClause })
    #expect(result[1].leadIn.map { doc.text(in: $0) } == "You agree not to:")
  }

  @Test("An ordinary semicolon does not split")
  func ordinarySemicolon() throws {
    #expect(try clauses("We keep your data for a year; after that we delete it.").count == 1)
  }

  @Test("ALL-CAPS: a short line is a heading, a long paragraph is sentences")
  func allCaps() throws {
    let result = try clauses(
      """
      DISCLAIMER

      THE SERVICE IS PROVIDED AS IS. WE ARE NOT LIABLE FOR ANY LOSS OF DATA ARISING FROM YOUR USE OF IT.
      """)
    #expect(result.map(\.kind) == [.heading, .sentence, .sentence])
  }

  @Test("A run-in title on its own line is a heading: short, capitalised, a period, no verb; list items stay items")
  func runInTitles() throws {
    let result = try clauses(
      """
      (d) Binding Arbitration.

      Class Action Waiver.

      We Both Agree To Arbitrate.

      (a) copy the service;
      """)
    #expect(result.map(\.kind) == [.heading, .heading, .sentence, .listItem])
  }

  @Test("ALL-CAPS: a short line with a verb that ends a sentence, even behind a quote, is a sentence")
  func allCapsSentence() throws {
    let result = try clauses(
      """
      JURY TRIAL WAIVER.

      THE SERVICES ARE PROVIDED “AS IS.”

      WE MAY END THIS AGREEMENT.

      WHAT DO WE COLLECT
      """)
    #expect(result.map(\.kind) == [.heading, .sentence, .sentence, .heading])
  }

  @Test("HTML headings nest by level")
  func htmlHeadings() throws {
    let doc = try TestSupport.html(
      "<h1>Terms</h1><h2>Data</h2><p>We sell it.</p><h2>Disputes</h2><h3>Arbitration</h3><p>Binding.</p>")
    let result = ClauseSegmenter().clauses(in: doc)
    #expect(result[2].headings == ["Terms", "Data"])
    #expect(result.last?.headings == ["Terms", "Disputes", "Arbitration"])
  }

  @Test("Random bytes never crash or hang the pipeline")
  func randomBytes() throws {
    // Seeded, so a failure replays exactly.
    var generator = SplitMix(seed: 140)
    let alphabet: [UInt8] = Array(" .;:()\"'\n\n\t-•1aZ§é".utf8) + [0xE2, 0x80, 0x9D, 0xC2, 0xA0, 0xFF, 0x00]
    for _ in 0..<300 {
      let count = Int.random(in: 1...400, using: &generator)
      let bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator)! }
      guard let doc = try? DocumentIngester().ingest(InputSource(name: "fuzz.txt", bytes: bytes, declaredFormat: .plainText))
      else { continue }
      for clause in ClauseSegmenter().clauses(in: doc) {
        #expect(clause.range.lowerBound >= 0 && clause.range.upperBound <= doc.bytes.count)
      }
    }
  }
}
