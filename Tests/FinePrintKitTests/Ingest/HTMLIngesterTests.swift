import Testing
@testable import FinePrintKit

@Suite("HTML ingestion")
struct HTMLIngesterTests {
  @Test("Only visible text: no script, style, head, comments, hidden or display:none parts")
  func visibleText() throws {
    let doc = try TestSupport.html(
      """
      <html><head><title>T &amp; C</title><style>p{}</style><script>var sell = 1; if (a < b) {}</script></head>
      <body><!-- we sell everything --><noscript>enable js</noscript><template><p>tpl</p></template>
      <p>We may <b>sell</b> your data.</p><div hidden>Secret one.</div><p style="display: none">Secret two.</p>
      <p style="visibility:hidden">Secret three.</p></body></html>
      """)
    #expect(doc.text == "We may sell your data.")
    #expect(doc.title == "T & C")
    #expect(doc.blocks.count == 1)
  }

  @Test("The site around the terms is not the terms: navigation, the page's header and footer, ARIA chrome")
  func siteChrome() throws {
    let doc = try TestSupport.html(
      """
      <body><header><a href="/">Home</a><h1>Acme</h1></header><nav><h3>Pricing</h3><a>We sell plans</a></nav>
      <div role="navigation">Menu</div><div role="banner">Banner</div>
      <main><h1>Terms</h1><p>We may share your data.</p><footer><p>Effective 1 May 2026.</p></footer></main>
      <article><header><h2>Privacy</h2></header><p>You may withdraw.</p></article>
      <footer><p>By using this site you agree to our terms.</p></footer><div role="contentinfo">(c) Acme</div></body>
      """)
    let blocks = doc.blocks.map { doc.text(in: $0.range) }
    #expect(blocks == ["Terms", "We may share your data.", "Effective 1 May 2026.", "Privacy", "You may withdraw."])
  }

  @Test("Block elements are boundaries; inline elements are not")
  func blocks() throws {
    let doc = try TestSupport.html(
      """
      <h2>Sharing</h2><p>We <i>may</i> share<br>your data.</p><ul><li>One<ul><li>Nested</li></ul></li><li>Two</li></ul>
      <table><tr><td>Rate</td><td>$5</td></tr></table>
      """)
    let blocks = doc.blocks.map { (doc.text(in: $0.range), $0.kind, $0.level) }
    #expect(blocks.map(\.0) == ["Sharing", "We may share", "your data.", "One", "Nested", "Two", "Rate", "$5"])
    #expect(blocks[0].1 == .heading && blocks[0].2 == 2)
    #expect(blocks[3].1 == .listItem && blocks[3].2 == 1)
    #expect(blocks[4].1 == .listItem && blocks[4].2 == 2)
    #expect(blocks[6].1 == .tableCell)
  }

  @Test("Ordered list items carry their number")
  func orderedListNumbers() throws {
    let doc = try TestSupport.html("<ol type=\"a\" start=\"2\"><li>first</li><li>second</li></ol>")
    #expect(doc.blocks.map(\.number) == ["b.", "c."])
  }

  @Test("A word maps to its exact source position across tags, entities, line breaks and multi-byte prefixes")
  func exactPositions() throws {
    let source = "<html><body>\n<p>😀 中文 e\u{301} We may\n  <b>sell</b> your data &amp; more</p></body></html>"
    let doc = try TestSupport.html(source)
    let text = doc.text
    let sell = try #require(text.utf8.firstRange(of: Array("sell".utf8)))
    let start = text.utf8.distance(from: text.utf8.startIndex, to: sell.lowerBound)
    let span = doc.span(of: start..<(start + 4))
    let expected = try #require(TestSupport.position(of: "sell", in: source))
    #expect(span.start.line == expected.line && span.start.column == expected.column)
    #expect(span.end.line == expected.line && span.end.column == expected.column + 4)
    // The entity: "&" in the text stands for the whole "&amp;" in the source.
    let amp = try #require(text.utf8.firstIndex(of: UInt8(ascii: "&")))
    let ampOffset = text.utf8.distance(from: text.utf8.startIndex, to: amp)
    let ampSpan = doc.span(of: ampOffset..<(ampOffset + 1))
    let entity = try #require(TestSupport.position(of: "&amp;", in: source))
    #expect(ampSpan.start.column == entity.column)
    #expect(ampSpan.end.column == entity.column + 5)
  }

  @Test("A blank between words is a copy of the source: one verbatim run, not a run for each word and each space")
  func blanksJoinVerbatimRuns() throws {
    let source = "<p>We may sell your data to partners.</p><p>We  keep\nit, &amp; more.</p>"
    let doc = try TestSupport.html(source)
    #expect(doc.text == "We may sell your data to partners.\nWe keep it, & more.")
    // The first paragraph's text is the source byte for byte: one run. In the second, the
    // double blank, the line break and the entity each stand for other source bytes.
    let runs = doc.sourceMap.runs
    let first = try #require(runs.first)
    #expect(first.textStart == 0 && first.textLength == 34 && first.isVerbatim)
    #expect(runs.count == 8)
    for word in ["sell", "partners", "keep", "more"] {
      let text = Array(doc.text.utf8)
      let offset = try #require(text.firstRange(of: Array(word.utf8))).lowerBound
      let expected = try #require(TestSupport.position(of: word, in: source))
      #expect(doc.span(of: offset..<(offset + word.utf8.count)).start.column == expected.column, "\(word)")
    }
  }

  @Test("An element name's facts are found once per address, and an address whose bytes changed is read anew")
  func elementNamesFollowTheBytes() {
    var names = ElementNames()
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 8)
    defer { buffer.deallocate() }
    for (text, kind) in [("LI", Block.Kind.listItem), ("h2", .heading), ("w:td", .tableCell), ("span", nil)] {
      let bytes = Array(text.utf8) + [0]
      buffer.update(from: bytes, count: bytes.count)
      // The same address each time, as memory a parser reuses would be.
      let facts = names.facts(of: UnsafePointer(buffer))
      #expect(facts.name == MarkupReader.localName(text))
      #expect(facts.blockKind == kind, "\(text)")
      #expect(names.facts(of: UnsafePointer(buffer)).name == facts.name)
    }
  }

  @Test("Charset from <meta>: a Latin-1 page reads right, with right columns")
  func latin1Meta() throws {
    var bytes = Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf".utf8)
    bytes.append(0xE9)
    bytes += Array(" terms: we sell data.</p></body></html>".utf8)
    let doc = try DocumentIngester().ingest(InputSource(name: "latin.html", bytes: bytes))
    #expect(doc.text == "Café terms: we sell data.")
    let offset = Array(doc.text.utf8).count - "sell data.".utf8.count
    let asText = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Café terms: we sell data.</p></body></html>"
    let expected = try #require(TestSupport.position(of: "sell", in: asText))
    #expect(doc.span(of: offset..<(offset + 4)).start.column == expected.column)
    #expect(doc.warnings.isEmpty)
  }

  @Test("Truncated HTML is still read")
  func truncated() throws {
    let doc = try TestSupport.html("<html><body><p>We may sell your da")
    #expect(doc.text == "We may sell your da")
  }

  @Test("A page with nothing visible is an error that says so")
  func nothingVisible() {
    #expect(throws: IngestError.self) { try TestSupport.html("<html><head><script>x()</script></head><body></body></html>") }
  }

  @Test("Positions stay exact on a page over 64 KB with long text runs and entities")
  func largePageSelfCheck() throws {
    var source = "<html><body>\n"
    for i in 0..<400 {
      let long = String(repeating: "Clause \(i) lets us share your data with partners; ", count: 30)
      source += "<p>😀 Item \(i) &amp; more: \(long)end.</p>\n"
    }
    source += "</body></html>"
    #expect(source.utf8.count > 64 * 1024)
    let doc = try TestSupport.html(source)
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    #expect(doc.blocks.count == 400)
    for block in doc.blocks {
      let span = doc.span(of: block.range)
      let line = lines[span.start.line - 1]
      let firstWord = doc.text(in: block.range).split(separator: " ").first.map(String.init) ?? ""
      let at = String(String.UnicodeScalarView(line[(span.start.column - 1)...]))
      #expect(at.hasPrefix(firstWord), "block at \(span.start.line):\(span.start.column)")
      let endLine = lines[span.end.line - 1]
      let before = String(String.UnicodeScalarView(endLine[..<(span.end.column - 1)]))
      #expect(before.hasSuffix("end."), "block ending at \(span.end.line):\(span.end.column)")
    }
  }
}
