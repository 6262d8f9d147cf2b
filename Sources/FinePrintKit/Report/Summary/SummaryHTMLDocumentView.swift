/// The whole document as HTML for the summary page: its blocks as headings, paragraphs and list
/// items, with every clause the summary quotes marked (`<mark id="c<clauseStart>">`), coloured
/// by the worst finding in it. Built from the byte ranges of `Document.bytes`, never from
/// character offsets, and escaped throughout.
struct SummaryHTMLDocumentView {
  /// How a marked clause is coloured; the worst (highest) level of its findings wins.
  enum Level: Int, Comparable {
    /// Quoted to answer a question or as hard to read, but no finding of its own.
    case note
    case green
    case amber
    case red

    init(_ signal: Signal) {
      switch signal {
      case .red: self = .red
      case .amber: self = .amber
      case .green: self = .green
      case .neutral: self = .note
      }
    }

    var name: String { ["note", "green", "amber", "red"][rawValue] }
    static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// A marked clause (or clauses run together, when their ranges overlap).
  struct Highlight {
    var range: Range<Int>
    var level: Level
    var rules: [String] = []
    var notes: [String] = []
    /// Every clause start it stands for: each becomes an element ID, `c<start>`.
    var starts: [Int]

    /// The `title` of the mark: which rules found what, and why else it is quoted.
    var title: String {
      var parts: [String] = []
      if !rules.isEmpty {
        let kind = level == .green ? "Protection" : (level == .note ? "Found" : "Risk")
        parts.append("\(kind): \(rules.joined(separator: ", "))")
      }
      parts += notes
      return parts.joined(separator: ". ")
    }
  }

  let document: Document
  /// Marked clauses, in document order, not overlapping.
  let highlights: [Highlight]

  init(summary: Summary, document: Document) {
    self.document = document
    highlights = Self.highlights(summary, document: document)
  }

  /// The start of the marked clause whose text is exactly `text`, for linking to it.
  func anchor(ofClauseAt start: Int) -> Int? {
    highlights.first { $0.starts.contains(start) }.map { _ in start }
  }

  // MARK: Collecting the marks

  static func highlights(_ summary: Summary, document: Document) -> [Highlight] {
    var byStart: [Int: Highlight] = [:]
    func add(_ quote: Summary.Quote, _ level: Level, rule: String? = nil, note: String? = nil) {
      let range = quote.clauseStart..<max(quote.clauseStart, quote.clauseEnd)
      var h = byStart[quote.clauseStart] ?? Highlight(range: range, level: level, starts: [quote.clauseStart])
      h.range = h.range.lowerBound..<max(h.range.upperBound, range.upperBound)
      h.level = max(h.level, level)
      if let rule, !h.rules.contains(rule) { h.rules.append(rule) }
      if let note, !h.notes.contains(note) { h.notes.append(note) }
      byStart[quote.clauseStart] = h
    }
    for point in summary.risks + summary.protections {
      for quote in point.quotes { add(quote, Level(point.level), rule: point.rule) }
    }
    for c in summary.contradictions {
      add(c.promise, .note, rule: c.promiseRule, note: "A promise taken back elsewhere")
      add(c.exception, .note, rule: c.exceptionRule, note: "Takes back a promise")
    }
    for answer in summary.answers {
      for quote in answer.quotes { add(quote, .note, note: "Answers: \(answer.question)") }
    }
    for clause in summary.readability.hardestClauses {
      // A mark of the clause, not of words in it: a span that starts and ends where it starts.
      let start = SourceLocation(line: clause.line, column: clause.column, offset: 0)
      let quote = Summary.Quote(
        text: clause.text, match: "", span: SourceSpan(start: start, end: start), clauseStart: clause.clauseStart,
        clauseEnd: clause.clauseEnd)
      add(quote, .note, note: String(format: "Hard to read: reading ease %.0f", clause.readingEase))
    }
    return merged(byStart.values.sorted { $0.range.lowerBound < $1.range.lowerBound })
  }

  /// Overlapping marks run together into one that keeps every clause start as an ID.
  static func merged(_ sorted: [Highlight]) -> [Highlight] {
    var out: [Highlight] = []
    for h in sorted {
      if var last = out.last, h.range.lowerBound < last.range.upperBound {
        last.range = last.range.lowerBound..<max(last.range.upperBound, h.range.upperBound)
        last.level = max(last.level, h.level)
        last.rules += h.rules.filter { !last.rules.contains($0) }
        last.notes += h.notes.filter { !last.notes.contains($0) }
        last.starts += h.starts
        out[out.count - 1] = last
      } else {
        out.append(h)
      }
    }
    return out
  }

  // MARK: Rendering

  /// The document's blocks as HTML, with the marks in them.
  func render() -> String {
    var out: [String] = []
    var placed = Set<Int>()
    var inList = false
    for block in displayBlocks() {
      if block.kind == .listItem && !inList { out.append("<ul class=\"items\">") }
      if block.kind != .listItem && inList { out.append("</ul>") }
      inList = block.kind == .listItem
      let inner = inline(block.range, preformatted: block.kind == .preformatted, placed: &placed)
      out.append(element(block, inner))
    }
    if inList { out.append("</ul>") }
    let orphans = highlights.filter { !placed.contains($0.range.lowerBound) }
    if !orphans.isEmpty {
      // Clauses outside every block (should not happen): still shown, so every link lands.
      out.append("<p class=\"cell\">" + orphans.map { mark($0, text($0.range)) }.joined(separator: " ") + "</p>")
    }
    return out.joined(separator: "\n")
  }

  /// The blocks in document order, clamped to the text; the whole text as one block when the
  /// ingester found none. A plain-text paragraph the segmenter reads as a heading ("2. Data we
  /// collect") is shown as one.
  func displayBlocks() -> [Block] {
    let count = document.bytes.count
    var blocks = document.blocks.map { block -> Block in
      var b = block
      let lower = boundary(b.range.lowerBound)
      b.range = lower..<max(lower, boundary(b.range.upperBound))
      return b
    }.filter { !$0.range.isEmpty }.sorted { $0.range.lowerBound < $1.range.lowerBound }
    if blocks.isEmpty && count > 0 { blocks = [Block(kind: .preformatted, range: 0..<count)] }
    guard blocks.contains(where: { $0.kind == .preformatted }) else { return blocks }
    var headingLevels: [Range<Int>: Int] = [:]
    for clause in ClauseSegmenter().clauses(in: document) where clause.kind == .heading {
      headingLevels[clause.range] = clause.headings.count + 1
    }
    return blocks.map { block in
      guard block.kind == .preformatted, let level = headingLevels[block.range] else { return block }
      return Block(kind: .heading, level: level, range: block.range, number: block.number)
    }
  }

  func element(_ block: Block, _ inner: String) -> String {
    switch block.kind {
    case .heading:
      let level = min(6, max(3, block.level + 2))
      return "<h\(level)>\(inner)</h\(level)>"
    case .listItem:
      let number = block.number.map { " data-number=\"\(esc($0))\"" } ?? ""
      // An item that starts with its own marker ("(a) You consent…") needs no bullet.
      let marked =
        block.number == nil && ListMarker.at(document.bytes, block.range.lowerBound, end: block.range.upperBound) != nil
      return "<li class=\"depth-\(min(4, max(1, block.level)))\(marked ? " marked" : "")\"\(number)>\(inner)</li>"
    case .tableCell:
      return "<p class=\"cell\">\(inner)</p>"
    case .paragraph, .preformatted:
      return "<p>\(inner)</p>"
    }
  }

  /// The text of a block with the marks that fall in it. A mark's IDs go on its first piece.
  func inline(_ range: Range<Int>, preformatted: Bool, placed: inout Set<Int>) -> String {
    var out = ""
    var position = range.lowerBound
    for h in highlights where h.range.overlaps(range) {
      let start = boundary(max(h.range.lowerBound, range.lowerBound))
      let end = boundary(min(h.range.upperBound, range.upperBound))
      guard start < end, start >= position else { continue }
      out += text(position..<start, preformatted: preformatted)
      let first = placed.insert(h.range.lowerBound).inserted
      out += mark(h, text(start..<end, preformatted: preformatted), withIDs: first)
      position = end
    }
    return out + text(position..<range.upperBound, preformatted: preformatted)
  }

  /// A mark; `withIDs` on its first piece only, where the first clause start is its ID and
  /// the starts of clauses run into it get empty anchors.
  func mark(_ h: Highlight, _ inner: String, withIDs: Bool = true) -> String {
    let id = withIDs ? " id=\"c\(h.starts[0])\"" : ""
    let anchors = withIDs ? h.starts.dropFirst().map { "<span id=\"c\($0)\"></span>" }.joined() : ""
    return "<mark\(id) class=\"\(h.level.name)\" title=\"\(esc(h.title))\">\(anchors)\(inner)</mark>"
  }

  /// Escaped text of a byte range. In preformatted text a line break before a list marker
  /// (`(b)`, `2.1`) stays a break; other line breaks are soft and wrap with the screen.
  func text(_ range: Range<Int>, preformatted: Bool = false) -> String {
    guard !range.isEmpty else { return "" }
    guard preformatted else { return esc(document.text(in: range)) }
    var out = ""
    var start = range.lowerBound
    let bytes = document.bytes
    for i in range where bytes[i] == 0x0A {
      var next = i + 1
      while next < range.upperBound, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
      guard ListMarker.at(bytes, next, end: range.upperBound) != nil else { continue }
      out += esc(document.text(in: start..<i)) + "<br>\n"
      start = i + 1
    }
    return out + esc(document.text(in: start..<range.upperBound))
  }

  /// `offset` moved back to the start of the UTF-8 character it falls in, and into the text.
  func boundary(_ offset: Int) -> Int {
    let bytes = document.bytes
    var i = min(max(offset, 0), bytes.count)
    while i > 0, i < bytes.count, bytes[i] & 0xC0 == 0x80 { i -= 1 }
    return i
  }

  func esc(_ text: String) -> String { HTMLEscaping.escape(text) }
}
