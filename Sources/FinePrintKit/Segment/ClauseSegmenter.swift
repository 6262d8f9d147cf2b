/// Splits a document's blocks into clauses: headings, list items, sentences, and sub-clauses
/// where a list of obligations is run together with semicolons. Each clause keeps the path of
/// headings it stands under.
///
/// Plain text carries its structure in line breaks: a blank line ends a block; inside a block
/// a line break is a soft wrap when the line before it fills the block's width, and a boundary
/// when the line is short, when the next line starts with a list marker (`1.`, `(a)`, `•`), or
/// when the lines are whole paragraphs (longer than any wrap width).
public struct ClauseSegmenter: Sendable {
  /// Lines longer than this are whole paragraphs, not hard-wrapped text.
  public var wrapWidth = 100
  /// Split sentences into sub-clauses at semicolons that separate enumerated items.
  public var splitsSubClauses = true
  /// Longer clauses are cut into pieces of at most this many bytes (`Limits.maxClauseBytes`):
  /// matching a clause costs more than its length (a 4.9 MB text without a full stop took 91 s),
  /// and a text that long is no sentence. A heading block longer than this is read as a paragraph.
  public var maxClauseBytes = Limits.standard.maxClauseBytes

  public init(maxClauseBytes: Int = Limits.standard.maxClauseBytes) {
    self.maxClauseBytes = maxClauseBytes
  }

  /// The document's clauses, in order.
  public func clauses(in document: Document) -> [Clause] {
    clauses(in: document, threads: ProcessInfo.processInfo.activeProcessorCount)
  }

  /// Blocks a thread takes at least: below two of these, one thread does it all.
  static let minimumChunk = 128

  /// The document's clauses, its blocks cut on `threads` threads (the clauses are the same
  /// whatever the number): a block's clauses depend on it alone, and only the headings they
  /// stand under are followed through the document, in order, afterwards.
  public func clauses(in document: Document, threads: Int) -> [Clause] {
    let blocks = document.blocks
    let parts = ParallelChunks.map(count: blocks.count, threads: threads, minimumChunk: Self.minimumChunk) { range in
      var pieces: [Piece] = []
      for index in range { self.pieces(ofBlock: index, blocks[index], bytes: document.bytes, into: &pieces) }
      return pieces
    }
    var out: [Clause] = []
    out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    var headings = HeadingTracker()
    for part in parts {
      for piece in part {
        if let level = piece.headingLevel {
          let parents = headings.enter(
            Self.collapsed(String(decoding: document.bytes[piece.range], as: UTF8.self)),
            level: level)
          out.append(Clause(kind: .heading, range: piece.range, headings: parents, blockIndex: piece.block))
        } else {
          cut(
            Clause(
              kind: piece.kind, range: piece.range, headings: headings.path, blockIndex: piece.block,
              leadIn: piece.leadIn), bytes: document.bytes, into: &out)
        }
      }
    }
    Self.giveListsTheirLeadIn(&out, bytes: document.bytes, maxLeadIn: maxClauseBytes / 2)
    return out
  }

  /// Gives the items of a list the sentence that introduces it, when that sentence ends with a
  /// colon ("We may share your data with:" before "- advertising networks"), as a sub-clause has
  /// the words before its list: rules read the item with it, so the item says what it says. The
  /// lead-in runs over consecutive items (and their further sentences) until a heading or a
  /// sentence outside the list.
  static func giveListsTheirLeadIn(_ clauses: inout [Clause], bytes: [UInt8], maxLeadIn: Int) {
    var leadIn: Range<Int>?
    var itemBlock = -1
    for i in clauses.indices {
      let clause = clauses[i]
      switch clause.kind {
      case .heading:
        leadIn = nil
      case .listItem:
        if clause.leadIn == nil, let leadIn { clauses[i].leadIn = leadIn }
        itemBlock = clause.blockIndex
      case .sentence, .subClause:
        // A further sentence of the item just read belongs to the list.
        if clause.blockIndex == itemBlock, leadIn != nil, clause.cutFrom == nil { continue }
        itemBlock = -1
        let introduces = clause.cutFrom == nil && clause.range.count <= maxLeadIn && endsWithColon(bytes, clause.range)
        leadIn = introduces ? clause.range : nil
      }
    }
  }

  /// Whether a clause's last character, white space and closing emphasis aside, is a colon.
  static func endsWithColon(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var i = range.upperBound - 1
    while i >= range.lowerBound,
      isSpace(bytes[i]) || bytes[i] == 0x0A || bytes[i] == UInt8(ascii: "*") || bytes[i] == UInt8(ascii: "_")
    {
      i -= 1
    }
    return i >= range.lowerBound && bytes[i] == UInt8(ascii: ":")
  }

  /// A clause before the headings it stands under are known: a heading carries its level.
  struct Piece {
    var kind: Clause.Kind
    var range: Range<Int>
    var block: Int
    var headingLevel: Int?
    var leadIn: Range<Int>?
  }

  /// The clauses of one block, in order.
  func pieces(ofBlock index: Int, _ original: Block, bytes: [UInt8], into out: inout [Piece]) {
    // Blocks come from an ingester; a hand-built document may hold ranges past its text.
    var block = original
    block.range = original.range.clamped(to: 0..<bytes.count)
    if block.range.isEmpty { return }
    if block.kind == .heading && block.range.count <= maxClauseBytes {
      out.append(Piece(kind: .heading, range: block.range, block: index, headingLevel: max(block.level, 1)))
      return
    }
    for unit in units(of: block, bytes: bytes) {
      if let level = headingLevel(unit, bytes: bytes, alone: unit.aloneInBlock) {
        out.append(Piece(kind: .heading, range: unit.range, block: index, headingLevel: level))
        continue
      }
      let isItem = block.kind == .listItem || unit.marker != nil
      let scanStart = unit.range.lowerBound + (unit.marker?.length ?? 0)
      var sentences = SentenceScanner.sentences(in: bytes, range: scanStart..<unit.range.upperBound)
      if unit.marker != nil, !sentences.isEmpty {
        sentences[0] = unit.range.lowerBound..<sentences[0].upperBound
      }
      for (k, sentence) in sentences.enumerated() {
        let kind: Clause.Kind = isItem && k == 0 ? .listItem : .sentence
        let pieces = splitsSubClauses ? SubClauseSplitter.pieces(bytes, sentence) : [sentence]
        if pieces.count == 1 {
          out.append(Piece(kind: kind, range: sentence, block: index))
        } else {
          // A lead-in is read with every item: one as long as a clause may be is no lead-in.
          let leadIn = SubClauseSplitter.leadIn(bytes, pieces[0]).flatMap { $0.count <= maxClauseBytes / 2 ? $0 : nil }
          for (p, piece) in pieces.enumerated() {
            out.append(Piece(kind: .subClause, range: piece, block: index, leadIn: p == 0 ? nil : leadIn))
          }
        }
      }
    }
  }

  /// A run of lines read together: one paragraph, list item or heading line.
  struct Unit {
    var range: Range<Int>
    var marker: ListMarker?
    var aloneInBlock: Bool
  }

  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C }

  /// The units of a block. Blocks from markup are one unit unless they keep line breaks.
  func units(of block: Block, bytes: [UInt8]) -> [Unit] {
    var lines: [Range<Int>] = []
    var start = block.range.lowerBound
    while let i = bytes.firstIndex(of: 0x0A, in: start..<block.range.upperBound) {
      lines.append(start..<i)
      start = i + 1
    }
    lines.append(start..<block.range.upperBound)
    lines = lines.map { line in
      var a = line.lowerBound
      var b = line.upperBound
      while a < b && Self.isSpace(bytes[a]) { a += 1 }
      while b > a && Self.isSpace(bytes[b - 1]) { b -= 1 }
      return a..<b
    }.filter { !$0.isEmpty }
    guard !lines.isEmpty else { return [] }
    let lengths = lines.map { Self.displayLength(bytes, $0) }
    let width = lengths.max() ?? 0
    let wrapped = width <= wrapWidth && lines.count > 1
    var units: [Unit] = []
    for (k, line) in lines.enumerated() {
      let marker = ListMarker.at(bytes, line.lowerBound, end: line.upperBound)
      if k > 0, marker == nil, let last = units.last, Self.continuesSentence(bytes, after: lines[k - 1], line) {
        // "we may⏎still send you": a line that leaves its sentence open and a next line in
        // lower case are one sentence, however short or long the lines are.
        units[units.count - 1].range = last.range.lowerBound..<line.upperBound
        continue
      }
      if wrapped, k > 0, marker == nil, let last = units.last, lengths[k - 1] * 10 >= width * 7 {
        // A full line wraps into the next, unless it was a heading line of its own.
        let previous = lines[k - 1]
        let previousIsHeading =
          last.range.lowerBound == previous.lowerBound
          && headingLevel(Unit(range: previous, marker: nil, aloneInBlock: false), bytes: bytes, alone: false) != nil
        if !previousIsHeading {
          units[units.count - 1].range = last.range.lowerBound..<line.upperBound
          continue
        }
      }
      units.append(Unit(range: line, marker: marker, aloneInBlock: false))
    }
    if units.count == 1 { units[0].aloneInBlock = true }
    return units
  }

  /// Whether `line` goes on with the sentence of `previous`: the line before ends in a letter,
  /// a digit or a comma (no full stop, colon or semicolon), and this one starts with a
  /// lower-case letter.
  static func continuesSentence(_ bytes: [UInt8], after previous: Range<Int>, _ line: Range<Int>) -> Bool {
    guard let first = bytes[line].first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"),
      let end = bytes[previous].last
    else { return false }
    return end.isASCIILetter || (end >= UInt8(ascii: "0") && end <= UInt8(ascii: "9")) || end == UInt8(ascii: ",")
  }

  /// Code points in a line (a good enough measure of its width), counted eight bytes at a time.
  static func displayLength(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
    bytes.withUnsafeBytes { raw in
      var n = 0
      var i = range.lowerBound
      while i + 8 <= range.upperBound {
        n += 8 - LineIndex.continuationBytes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        i += 8
      }
      while i < range.upperBound {
        if raw[i] & 0xC0 != 0x80 { n += 1 }
        i += 1
      }
      return n
    }
  }

  /// The heading level of a unit that reads as a heading, else nil: a short numbered title
  /// ("7. Disputes", "7.2 Arbitration"), a short ALL-CAPS line, or a short title-case line
  /// standing alone in its block.
  func headingLevel(_ unit: Unit, bytes: [UInt8], alone: Bool) -> Int? {
    let range = unit.range
    guard range.count >= 2, range.count <= 120, !bytes[range].contains(0x0A) else { return nil }
    let marker = unit.marker ?? ListMarker.at(bytes, range.lowerBound, end: range.upperBound)
    let textStart = range.lowerBound + (marker?.length ?? 0)
    // Counted on the bytes first: most short lines are plain sentences, decided without strings.
    var wordCount = 0
    var letterCount = 0
    var upper = 0
    var inWord = false
    for b in bytes[textStart..<range.upperBound] {
      let separator = b == 0x20 || b == 0x09
      if !separator && !inWord { wordCount += 1 }
      inWord = !separator
      if b >= 0x41 && b <= 0x5A {
        letterCount += 1
        upper += 1
      } else if b >= 0x61 && b <= 0x7A {
        letterCount += 1
      }
    }
    guard wordCount > 0, wordCount <= 12 else { return nil }
    // The last mark, behind closing quotes and brackets ('PROVIDED "AS IS."').
    var lastIndex = range.upperBound - 1
    // A closer is never stepped over past the text's start: a unit that is only "’" (3 bytes)
    // went to index -1 and trapped (a page whose text starts with &rsquo;).
    while lastIndex > textStart, case let n = Self.closerLength(bytes, endingAt: lastIndex), n > 0, lastIndex - n >= textStart {
      lastIndex -= n
    }
    let last = bytes[lastIndex]
    let endsSentence =
      last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
      || last == UInt8(ascii: ";") || last == UInt8(ascii: ",") || last == UInt8(ascii: ":")
    guard letterCount >= 2 else { return nil }
    let allCaps = upper * 10 >= letterCount * 9
    // A question alone on its line is the heading of the answer below it ("Can I change my
    // mind?", "Will I be paid?"): consent forms are often written as questions and answers.
    if marker == nil && alone && last == UInt8(ascii: "?") && (2...14).contains(wordCount) { return 2 }
    // Without a marker or capitals, only a line alone can be a title, and only a short one.
    if marker == nil && !allCaps
      && !(alone && (((2...5).contains(wordCount) && last == UInt8(ascii: ".")) || (!endsSentence && wordCount <= 8)))
    {
      return nil
    }
    let (wordCount:words, titleCase, hasVerb) = Self.titleWords(bytes, textStart..<range.upperBound)
    // A run-in title: "Binding Arbitration.", "(d) Class Action Waiver." — short, capitalised, no verb.
    let shortTitle = (titleCase || allCaps) && (2...5).contains(words) && last == UInt8(ascii: ".") && !hasVerb
    if let marker {
      switch marker.style {
      // "7. Disputes", "2. Data we collect": short, and either unpunctuated or in title case.
      case .decimal(let depth) where depth <= 3 && words <= 8 && (titleCase || allCaps || !endsSentence):
        return depth
      case .section where words <= 8:
        return 1
      case .roman where marker.text.hasSuffix(".") && words <= 8 && (titleCase || allCaps) && !endsSentence:
        return 1
      case .letter where marker.text.hasSuffix(".") && words <= 8 && (titleCase || allCaps) && !endsSentence:
        return 1
      case .letter where shortTitle, .roman where shortTitle:
        return 2
      default:
        return nil
      }
    }
    // An ALL-CAPS line is a title ("TERMS OF SERVICE", "JURY TRIAL WAIVER."), above numbered
    // sections; a short one may end with a period, a longer one that does is a sentence.
    if allCaps && (!endsSentence || (last == UInt8(ascii: ".") && words <= 5 && !hasVerb)) && words <= 10 {
      return 0
    }
    if alone && shortTitle { return 2 }
    if endsSentence { return nil }
    if alone && titleCase && words <= 8 && !endsSentence { return 2 }
    return nil
  }

  /// A heading candidate's words (split at spaces and tabs), whether they are in title case (each
  /// starts with no lower-case letter, or is a small word such as "of"), and whether one is a
  /// finite verb ("JURY TRIAL WAIVER." is a title; "THE APP IS PROVIDED AS IS." is a sentence).
  static func titleWords(_ bytes: [UInt8], _ range: Range<Int>) -> (wordCount: Int, titleCase: Bool, hasVerb: Bool) {
    bytes[range].allSatisfy { $0 < 0x80 } ? asciiTitleWords(bytes, range) : unicodeTitleWords(bytes, range)
  }

  /// `titleWords` of ASCII text (nearly every line), read on the bytes: splitting a string into
  /// characters was most of the cost of a short line. A character is a byte here, a lower-case
  /// letter is a to z, and lower-casing a word lowers its A to Z; the answers are those of
  /// `unicodeTitleWords`.
  static func asciiTitleWords(_ bytes: [UInt8], _ range: Range<Int>) -> (wordCount: Int, titleCase: Bool, hasVerb: Bool) {
    var count = 0
    var titleCase = true
    var hasVerb = false
    var i = range.lowerBound
    while i < range.upperBound {
      while i < range.upperBound && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
      guard i < range.upperBound else { break }
      let start = i
      while i < range.upperBound && bytes[i] != 0x20 && bytes[i] != 0x09 { i += 1 }
      count += 1
      let startsLower = bytes[start] >= UInt8(ascii: "a") && bytes[start] <= UInt8(ascii: "z")
      // The longest small word or verb has 6 letters: a longer word is neither.
      if i - start > 6 {
        if startsLower { titleCase = false }
        continue
      }
      let lowered = String(decoding: bytes[start..<i].lazy.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
      if startsLower && !smallTitleWords.contains(lowered) { titleCase = false }
      if finiteVerbs.contains(lowered) { hasVerb = true }
    }
    return (count, titleCase, hasVerb)
  }

  /// `titleWords` of any text, on its characters: a separator is the one-byte character " " or tab.
  static func unicodeTitleWords(_ bytes: [UInt8], _ range: Range<Int>) -> (wordCount: Int, titleCase: Bool, hasVerb: Bool) {
    let words = String(decoding: bytes[range], as: UTF8.self)
      .split(whereSeparator: { $0.utf8.count == 1 && ($0.utf8.first == 0x20 || $0.utf8.first == 0x09) })
    let titleCase = words.allSatisfy { w in
      guard let f = w.unicodeScalars.first else { return true }
      return Self.smallTitleWords.contains(w.lowercased()) || !CharacterSet.lowercaseLetters.contains(f)
    }
    let hasVerb = words.contains { Self.finiteVerbs.contains($0.lowercased()) }
    return (words.count, titleCase, hasVerb)
  }

  /// Auxiliary and linking verbs: an ALL-CAPS line ending with a period that has one is a
  /// sentence, not a title.
  static let finiteVerbs: Set<String> = [
    "is", "are", "was", "were", "will", "shall", "may", "must", "can", "cannot", "do", "does", "has", "have",
    "should", "would", "might", "agree", "waive",
  ]

  /// The length in bytes of a closing quote or bracket ending at `i` (ASCII, ” ’ or »), or 0.
  static func closerLength(_ bytes: [UInt8], endingAt i: Int) -> Int {
    let b = bytes[i]
    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") || b == UInt8(ascii: "]") { return 1 }
    if i >= 2, bytes[i - 2] == 0xE2, bytes[i - 1] == 0x80, b == 0x9D || b == 0x99 { return 3 }
    return i >= 1 && bytes[i - 1] == 0xC2 && b == 0xBB ? 2 : 0
  }

  /// Words a title-case heading keeps in lower case.
  static let smallTitleWords: Set<String> = [
    "a", "an", "and", "or", "of", "the", "to", "in", "on", "for", "by", "with", "your", "our", "&", "-", "–",
  ]

  /// Text with runs of white space folded to single spaces.
  public static func collapsed(_ text: String) -> String {
    // ASCII text (nearly every heading) is folded on its bytes: there a character is white space
    // exactly when its bytes are tab, line feed, vertical tab, form feed, return or space.
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      var out: [UInt8] = []
      out.reserveCapacity(text.utf8.count)
      for byte in text.utf8 {
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
          if out.last.map({ $0 != 0x20 }) ?? false { out.append(0x20) }
        } else {
          out.append(byte)
        }
      }
      if out.last == 0x20 { out.removeLast() }
      return String(decoding: out, as: UTF8.self)
    }
    return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}

import Foundation
