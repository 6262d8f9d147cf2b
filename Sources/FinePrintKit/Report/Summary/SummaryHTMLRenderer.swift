import Foundation

/// `fineprint summarize --format html`: one self-contained page (inline CSS; no scripts, fonts,
/// images or anything else from the network). A summary card with the grade, the answers to
/// the reader's questions, risks beside protections, promises taken back, readability; then
/// the whole document with every quoted clause marked, so each quote links to its place.
///
/// Stable hooks for tests and tools: the grade is the element `id="grade"` (its text is the
/// letter, or "No grade"); every answer is an element with `class="answer"`,
/// `data-question="<answer id>"` and `data-answer="yes|no|partly|not stated"`; every quoted clause is
/// `<mark id="c<clauseStart>">`.
public struct SummaryHTMLRenderer: Sendable {
  public init() {}

  /// The page for `summary`, which must have been made from `document`.
  public func render(_ summary: Summary, document: Document) -> String {
    let view = SummaryHTMLDocumentView(summary: summary, document: document)
    var body: [String] = [summaryCard(summary), answers(summary.answers), points(summary)]
    if !summary.contradictions.isEmpty { body.append(contradictions(summary.contradictions)) }
    body.append(readability(summary.readability, view: view))
    body.append(documentCard(view))
    body.append(footer(summary))
    return """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(esc(pageTitle(summary)))</title>
      <style>
      \(SummaryHTMLStyle.css)
      </style>
      </head>
      <body>
      <main>
      \(body.joined(separator: "\n"))
      </main>
      </body>
      </html>
      """
  }

  /// "FinePrint summary: VoxBounty — Contributor Terms (grade E)".
  func pageTitle(_ s: Summary) -> String {
    "FinePrint summary: \(s.title ?? s.file) (\(s.grade.map { "grade \($0)" } ?? "no grade"))"
  }

  // MARK: The summary card

  func summaryCard(_ s: Summary) -> String {
    var out = ["<header class=\"card summary\">", "<p class=\"kicker\">FinePrint summary</p>"]
    out.append("<h1>\(esc(s.title ?? s.file))</h1>")
    out.append("<p class=\"file\">\(esc(s.file)) · \(s.clauses) clauses · \(s.readability.words) words</p>")
    out.append("<div class=\"verdict \(gradeClass(s.grade))\">")
    out.append(gradeBox(s.grade))
    out.append("<div>")
    if let grade = s.grade {
      out.append("<p class=\"meaning\">Grade \(esc(grade)): \(esc(s.gradeMeaning))</p>")
      if !s.gradeReasons.isEmpty {
        out.append("<ul class=\"reasons\">" + s.gradeReasons.map { "<li>\(esc($0))</li>" }.joined() + "</ul>")
      }
    } else {
      out.append("<p class=\"meaning\">No grade</p>")
      out.append("<p>\(esc(s.gradeWithheld ?? "There was too little to assess."))</p>")
    }
    out.append(scale(s.grade))
    out += ["</div>", "</div>"]
    out.append(formula(s))
    out.append(tableOfContents(s))
    out.append("</header>")
    return out.joined(separator: "\n")
  }

  func gradeClass(_ grade: String?) -> String {
    guard let grade, ["A", "B", "C", "D", "E"].contains(grade) else { return "grade-none" }
    return "grade-" + grade.lowercased()
  }

  /// The big coloured grade: its text is exactly the letter, so tests and tools can read it.
  func gradeBox(_ grade: String?) -> String {
    let label = grade == nil ? "" : "<span class=\"label\" aria-hidden=\"true\">Grade</span>"
    return "<div class=\"grade\" role=\"img\" aria-label=\"\(grade.map { "Grade \(esc($0))" } ?? "No grade")\">"
      + label + "<span id=\"grade\">\(esc(grade ?? "No grade"))</span></div>"
  }

  /// A to E, the grade given marked, so a reader sees where it stands.
  func scale(_ grade: String?) -> String {
    guard let grade else { return "" }
    let items = ["A", "B", "C", "D", "E"].map { letter in
      letter == grade ? "<li class=\"on\">\(letter)</li>" : "<li>\(letter)</li>"
    }
    return "<ol class=\"scale\" aria-hidden=\"true\" title=\"A fair … E avoid\">" + items.joined() + "</ol>"
  }

  func formula(_ s: Summary) -> String {
    let p = s.points
    let counts = "\(p.good) good, \(p.bad) bad, \(p.blockers) blocking point\(p.blockers == 1 ? "" : "s")"
    let reason = s.gradeReason.isEmpty ? "" : "; \(s.gradeReason)"
    return "<p class=\"formula small\">\(esc(counts + reason)).<br>Formula <code>\(esc(s.formulaVersion))</code>: "
      + "\(esc(s.formula)).</p>"
  }

  func tableOfContents(_ s: Summary) -> String {
    var links = [
      ("answers", "Questions"), ("risks", "Risks (\(s.risks.count))"),
      ("protections", "Protections (\(s.protections.count))"),
    ]
    if !s.contradictions.isEmpty { links.append(("contradictions", "Promises taken back (\(s.contradictions.count))")) }
    links += [("readability", "Readability"), ("document", "The document")]
    return "<nav class=\"toc\" aria-label=\"Sections\">"
      + links.map { "<a href=\"#\($0.0)\">\(esc($0.1))</a>" }.joined(separator: " ") + "</nav>"
  }

  // MARK: Answers

  func answers(_ answers: [Summary.Answer]) -> String {
    var out = [
      "<section class=\"card answers-card\" id=\"answers\">", "<h2>What you are agreeing to</h2>",
      "<ol class=\"answers\">",
    ]
    for a in answers {
      out.append("<li class=\"answer \(answerLevel(a))\" data-question=\"\(esc(a.id))\" data-answer=\"\(esc(a.answer))\">")
      out.append("<h3>\(esc(a.question))</h3>")
      out.append(
        "<p><span class=\"badge\">\(symbol(SummaryWording.level(a))) \(esc(a.answer.capitalizedFirst))</span>\(esc(a.detail))</p>"
      )
      if !a.quotes.isEmpty {
        out.append("<ul class=\"quotes\">" + a.quotes.map { "<li>\(quoteLink($0))</li>" }.joined() + "</ul>")
      }
      out.append("</li>")
    }
    out += ["</ol>", "</section>"]
    return out.joined(separator: "\n")
  }

  /// Red for bad news, green for a good answer; amber when silence is bad news, grey for a
  /// fact or a harmless silence (as every summary format reads it: `SummaryWording.level`).
  func answerLevel(_ a: Summary.Answer) -> String {
    let level = SummaryWording.level(a)
    return level == .neutral ? "grey" : level.rawValue
  }

  /// The symbol that says what the colour says: ✗ bad, ! doubtful, ✓ good, · neutral.
  func symbol(_ level: Signal) -> String {
    let sym: String
    switch level {
    case .red: sym = "✗"
    case .amber: sym = "!"
    case .green: sym = "✓"
    case .neutral: sym = "·"
    }
    return "<span class=\"sym\" aria-hidden=\"true\">\(sym)</span>"
  }

  /// A quote as a link to its clause in the document below: `line:column` and the excerpt,
  /// with the matched words in bold when the excerpt shows them.
  func quoteLink(_ q: Summary.Quote) -> String {
    let excerpt = SummaryWording.excerpt(q)
    let match = q.match.replacingOccurrences(of: "\n", with: " ")
    var text = esc(excerpt)
    if !match.isEmpty, let range = excerpt.range(of: match) {
      text =
        esc(String(excerpt[..<range.lowerBound])) + "<b>" + esc(match) + "</b>"
        + esc(String(excerpt[range.upperBound...]))
    }
    return "<a class=\"quote\" href=\"#c\(q.clauseStart)\"><span class=\"pos\">\(q.line):\(q.column)</span>"
      + "<span class=\"text\">“\(text)”</span></a>"
  }

  // MARK: Risks and protections

  func points(_ s: Summary) -> String {
    let risks = pointList(s.risks, id: "risks", heading: "Risks", none: "No risks found.")
    let protections = pointList(
      s.protections, id: "protections", heading: "Protections",
      none: "No protections found: these terms promise you nothing FinePrint recognises.")
    let lopsided = s.risks.isEmpty || s.protections.isEmpty ? " lopsided" : ""
    return "<div class=\"columns\(lopsided)\">\n\(risks)\n\(protections)\n</div>"
  }

  func pointList(_ points: [Summary.Point], id: String, heading: String, none: String) -> String {
    var out = ["<section class=\"card points-card\" id=\"\(id)\">", "<h2>\(heading) (\(points.count))</h2>"]
    guard !points.isEmpty else {
      out += ["<p class=\"none\">\(esc(none))</p>", "</section>"]
      return out.joined(separator: "\n")
    }
    out.append("<ul class=\"points\">")
    for p in points {
      out.append("<li class=\"point \(p.level.rawValue)\" data-rule=\"\(esc(p.rule))\">")
      out.append("<h3>\(symbol(p.level)) \(esc(p.title))</h3>")
      out.append("<p>\(esc(p.message)) <small>(\(esc(levelWord(p.level))), <code>\(esc(p.rule))</code>)</small></p>")
      if let first = p.quotes.first { out.append(quoteLink(first)) }
      if p.quotes.count > 1 {
        let more = p.quotes.dropFirst().map { "<a href=\"#c\($0.clauseStart)\">\($0.line):\($0.column)</a>" }
        out.append("<p class=\"more\">Also at " + more.joined(separator: ", ") + "</p>")
      }
      out.append("</li>")
    }
    out += ["</ul>", "</section>"]
    return out.joined(separator: "\n")
  }

  func levelWord(_ level: Signal) -> String {
    switch level {
    case .red: return "serious risk"
    case .green: return "protection"
    case .amber, .neutral: return "risk"
    }
  }

  // MARK: Contradictions

  func contradictions(_ items: [Summary.Contradiction]) -> String {
    var out = ["<section class=\"card\" id=\"contradictions\">", "<h2>Promises taken back elsewhere</h2>"]
    // One promise taken back by several clauses is shown once, beside all of its exceptions.
    var groups: [(first: Summary.Contradiction, exceptions: [Summary.Contradiction])] = []
    for c in items {
      if let at = groups.firstIndex(where: { $0.first.promise == c.promise && $0.first.explanation == c.explanation }) {
        groups[at].exceptions.append(c)
      } else {
        groups.append((c, [c]))
      }
    }
    for (c, exceptions) in groups {
      out.append("<article class=\"contradiction\">")
      out.append("<p class=\"red\">\(symbol(.red)) \(esc(c.explanation))</p>")
      out.append("<div class=\"pair\">")
      out.append(
        "<div class=\"side green\"><h3>\(symbol(.green)) The promise <small><code>\(esc(c.promiseRule))</code></small></h3>"
          + quoteLink(c.promise) + "</div>")
      let title = exceptions.count == 1 ? "The exception" : "The exceptions"
      let rules = Array(Set(exceptions.map(\.exceptionRule))).sorted().map { "<code>\(esc($0))</code>" }.joined(separator: " ")
      out.append(
        "<div class=\"side red\"><h3>\(symbol(.red)) \(title) <small>\(rules)</small></h3>"
          + exceptions.map { quoteLink($0.exception) }.joined() + "</div>")
      out += ["</div>", "</article>"]
    }
    out.append("</section>")
    return out.joined(separator: "\n")
  }

  // MARK: Readability

  func readability(_ r: ReadabilityReport, view: SummaryHTMLDocumentView) -> String {
    var out = ["<section class=\"card\" id=\"readability\">", "<h2>Readability</h2>", "<dl class=\"stats\">"]
    out.append(stat("Reading ease", String(format: "%.0f", r.readingEase), SummaryWording.easeWords(r.readingEase)))
    out.append(stat("Grade level", String(format: "%.1f", r.gradeLevel), "years of US schooling"))
    out.append(stat("Reading time", "\(r.readingMinutes) min", "\(r.words) words, \(r.sentences) sentences"))
    out.append(stat("Legalese", String(format: "%.0f%%", r.legaleseShare * 100), "of clauses"))
    out.append("</dl>")
    if !r.standards.isEmpty {
      out += [
        "<h3>State reading-ease minimums for insurance policies, a yardstick for any contract</h3>", "<ul class=\"standards\">",
      ]
      for s in r.standards {
        let level: Signal = s.meets ? .green : .red
        out.append(
          "<li class=\"\(level.rawValue)\">\(symbol(level)) <strong>\(esc(s.jurisdiction))</strong>: "
            + String(format: "minimum %.0f, score %.0f — ", s.minimum, s.score)
            + "<span class=\"badge\">\(s.meets ? "meets it" : "falls short")</span><br><small>\(esc(s.citation))</small></li>")
      }
      out.append("</ul>")
    }
    if !r.hardestClauses.isEmpty {
      out += ["<h3>Hardest clauses</h3>", "<ol class=\"hardest\">"]
      for c in r.hardestClauses {
        let where_ = "\(c.line):\(c.column)"
        let position =
          view.anchor(ofClauseAt: c.clauseStart).map { "<a class=\"pos\" href=\"#c\($0)\">\(where_)</a>" }
          ?? "<span class=\"pos\">\(where_)</span>"
        out.append(
          "<li>\(position)"
            + String(format: "reading ease %.0f, grade level %.1f, %d words", c.readingEase, c.gradeLevel, c.words)
            + "<br>“\(esc(SummaryWording.shorten(c.text, 240)))”</li>")
      }
      out.append("</ol>")
    }
    out.append("</section>")
    return out.joined(separator: "\n")
  }

  func stat(_ name: String, _ value: String, _ sub: String) -> String {
    "<div><dt>\(esc(name))</dt><dd>\(esc(value))</dd><dd class=\"sub\">\(esc(sub))</dd></div>"
  }

  // MARK: The document

  func documentCard(_ view: SummaryHTMLDocumentView) -> String {
    let legend = [("red", "serious risk"), ("amber", "risk"), ("green", "protection"), ("note", "quoted above")]
      .map { "<li><mark class=\"\($0.0)\">\($0.1)</mark></li>" }.joined()
    return """
      <section class="card document" id="document">
      <h2>The document</h2>
      <p class="small">Every clause quoted above is marked; a mark&apos;s tooltip names the rules that found it.</p>
      <ul class="legend" aria-label="Legend">\(legend)</ul>
      <div class="doc">
      \(view.render())
      </div>
      </section>
      """
  }

  func footer(_ s: Summary) -> String {
    "<footer>Written by FinePrint \(esc(s.version)) from \(esc(s.file)). A reading aid, not legal advice.</footer>"
  }

  func esc(_ text: String) -> String { HTMLEscaping.escape(text) }
}

extension String {
  /// The string with its first letter in upper case ("not stated" → "Not stated").
  var capitalizedFirst: String {
    guard let first else { return self }
    return first.uppercased() + dropFirst()
  }
}

extension SummaryHTMLRenderer: SummaryFormat {
  public static let identifier = "html"
  public init(options: ReportOptions) { self.init() }
}
