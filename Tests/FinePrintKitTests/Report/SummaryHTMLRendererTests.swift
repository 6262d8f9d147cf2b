import Foundation
import Testing
@testable import FinePrintKit

/// The summary page as text: what it holds, that it needs nothing from the network, that it
/// escapes the document, and that every link to a clause lands.
@Suite("Summary page (HTML)")
struct SummaryHTMLRendererTests {
  @Test("A sample's page has the grade and every answer, with the hooks tests find them by", arguments: SummaryPage.samples)
  func gradeAndAnswers(sample: String) throws {
    let page = try SummaryPage.sample(sample)
    let html = page.html
    let grade = try #require(page.summary.grade)
    #expect(html.contains("<span id=\"grade\">\(grade)</span>"))
    #expect(html.components(separatedBy: "id=\"grade\"").count == 2, "one element has id=grade")
    #expect(html.contains("<title>") && html.contains("(grade \(grade))</title>"))
    for answer in page.summary.answers {
      #expect(html.contains("data-question=\"\(answer.id)\" data-answer=\"\(answer.answer)\""), "\(answer.id)")
      #expect(html.contains(XMLEscaping.escape(answer.question)), "\(answer.id)")
    }
    #expect(html.components(separatedBy: "<li class=\"answer ").count - 1 == page.summary.answers.count)
    for point in page.summary.risks + page.summary.protections {
      #expect(html.contains(XMLEscaping.escape(point.title)), "\(point.rule)")
    }
  }

  @Test("The page is HTML5 with a language, a character set and a phone viewport")
  func head() throws {
    let html = try SummaryPage.sample("fair-consent.html").html
    #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
    #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
    #expect(html.contains("<title>FinePrint summary: Open Speech Commons – Participant Consent (grade A)</title>"))
    #expect(html.hasSuffix("</main>\n</body>\n</html>"))
    #expect(html.contains("@media print") && html.contains("@media (min-width: 52rem)"))
  }

  @Test("A page loads nothing: no scripts, no external links, sources, imports or url()", arguments: SummaryPage.samples)
  func selfContained(sample: String) throws {
    let html = try SummaryPage.sample(sample).html
    let lower = html.lowercased()
    #expect(!lower.contains("<script"))
    #expect(!lower.contains("<link") && !lower.contains("<img") && !lower.contains("<iframe"))
    #expect(!lower.contains(" src=") && !lower.contains("@import") && !lower.contains("url("))
    let hrefs = SummaryPage.values(of: "href", in: html)
    #expect(!hrefs.isEmpty)
    #expect(hrefs.allSatisfy { $0.hasPrefix("#") }, "\(hrefs.filter { !$0.hasPrefix("#") })")
    #expect(!lower.contains("href=\"http") && !lower.contains("href=\"//"))
  }

  @Test("Every in-page link has its target, and IDs are unique", arguments: SummaryPage.samples)
  func linksLand(sample: String) throws {
    let page = try SummaryPage.sample(sample)
    let ids = SummaryPage.values(of: "id", in: page.html)
    #expect(Set(ids).count == ids.count, "duplicate IDs")
    let clauseLinks = SummaryPage.values(of: "href", in: page.html).filter { $0.hasPrefix("#c") }
    #expect(!clauseLinks.isEmpty)
    for href in Set(SummaryPage.values(of: "href", in: page.html)) {
      #expect(ids.contains(String(href.dropFirst())), "no element for \(href)")
    }
  }

  @Test("Each marked clause holds exactly the clause's text, coloured by its worst finding", arguments: SummaryPage.samples)
  func marks(sample: String) throws {
    let page = try SummaryPage.sample(sample)
    for point in page.summary.risks + page.summary.protections {
      for quote in point.quotes {
        let text = XMLEscaping.escape(page.document.text(in: quote.clauseStart..<quote.clauseEnd))
        let pattern = "<mark id=\"c\(quote.clauseStart)\" class=\"(red|amber|green)\" title=\"[^\"]*\(point.rule)[^\"]*\">"
        let opening = try #require(page.html.range(of: pattern, options: .regularExpression), "\(point.rule)")
        let rest = page.html[opening.upperBound...]
        let inner = rest[..<rest.range(of: "</mark>")!.lowerBound]
        // Plain text keeps a break before list markers; compare without the breaks.
        #expect(inner.replacingOccurrences(of: "<br>\n", with: "\n") == text, "\(point.rule)")
      }
    }
    let voice = try SummaryPage.sample("voice-marketplace.html")
    let binding = try #require(voice.summary.risks.first { $0.rule == "binding-arbitration" }?.quotes.first)
    #expect(voice.html.contains("<mark id=\"c\(binding.clauseStart)\" class=\"red\""))
  }

  @Test("The document is escaped: markup in it is shown as text, never run")
  func escapesDocument() throws {
    let text = "We may sell your personal data to data brokers. <script>alert(1)</script> Say \"yes\" & 'no' <b>now</b>."
    let page = SummaryPage.page(try TestSupport.document(text))
    #expect(!page.html.lowercased().contains("<script"))
    #expect(!page.html.contains("<b>now</b>"))
    #expect(page.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(page.html.contains("Say &quot;yes&quot; &amp; &apos;no&apos; &lt;b&gt;now&lt;/b&gt;."))
  }

  @Test("Characters HTML forbids in text (C1 controls, noncharacters) are dropped; the rest is escaped")
  func htmlEscaping() throws {
    var mixed = String.UnicodeScalarView()
    for (letter, forbidden) in zip("abcdef".unicodeScalars, [0x80, 0x99, 0x7F, 0xFDD0, 0xFFFF, 0x1FFFE] as [UInt32]) {
      mixed.append(letter)
      mixed.append(Unicode.Scalar(forbidden)!)
    }
    #expect(HTMLEscaping.escape(String(mixed)) == "abcdef")
    #expect(HTMLEscaping.escape("<&>\"' é 😀\n") == "&lt;&amp;&gt;&quot;&apos; é 😀\n")
    let page = SummaryPage.page(try TestSupport.document("We may sell your personal data\u{80}\u{99} to data brokers."))
    #expect(!page.html.unicodeScalars.contains { HTMLEscaping.forbidden($0) })
  }

  @Test("A title with markup in it is escaped in <title> and the heading")
  func escapesTitle() throws {
    let doc = try TestSupport.html(
      "<html><head><title>Terms &lt;script&gt; &amp; \"more\"</title></head>"
        + "<body><p>We may sell your personal data to data brokers.</p></body></html>")
    let page = SummaryPage.page(doc)
    #expect(page.html.contains("<h1>Terms &lt;script&gt; &amp; &quot;more&quot;</h1>"))
    #expect(page.html.contains("<title>FinePrint summary: Terms &lt;script&gt; &amp; &quot;more&quot;"))
  }

  @Test("Clauses after multi-byte characters are marked by UTF-8 byte offsets")
  func utf8Offsets() throws {
    let text = "Ünïcödé 😀 café — naïve. We may sell your personal data to data brokers. Ça va 👍🏽 très bien."
    let page = SummaryPage.page(try TestSupport.document(text))
    let quote = try #require(page.summary.risks.first { $0.rule == "sell-personal-data" }?.quotes.first)
    #expect(quote.clauseStart == Array("Ünïcödé 😀 café — naïve. ".utf8).count)
    #expect(page.html.contains("<mark id=\"c\(quote.clauseStart)\" class=\"red\" title=\"Risk: sell-personal-data"))
    #expect(page.html.contains("\">We may sell your personal data to data brokers.</mark> Ça va 👍🏽 très bien.</p>"))
    #expect(page.html.contains(">Ünïcödé 😀 café — naïve.</mark> <mark id=\"c\(quote.clauseStart)\""))
  }

  @Test("Too short to grade: 'No grade' and the reason")
  func noGrade() throws {
    let page = SummaryPage.page(try TestSupport.document("We may sell your personal data."))
    #expect(page.summary.grade == nil)
    #expect(page.html.contains("<span id=\"grade\">No grade</span>"))
    #expect(page.html.contains(XMLEscaping.escape(try #require(page.summary.gradeWithheld))))
    #expect(page.html.contains("(no grade)</title>"))
  }

  @Test("Answers carry a symbol and a word as well as a colour")
  func notColourAlone() throws {
    let page = try SummaryPage.sample("fair-consent.html")
    #expect(page.html.contains("<span class=\"sym\" aria-hidden=\"true\">✓</span> Yes</span>"))
    #expect(page.html.contains("<span class=\"sym\" aria-hidden=\"true\">·</span> Not stated</span>"))
    let voice = try SummaryPage.sample("voice-marketplace.html")
    #expect(voice.html.contains("<li class=\"answer red\" data-question=\"court\""))
    #expect(voice.html.contains("<span class=\"sym\" aria-hidden=\"true\">✗</span> No</span>"))
  }

  @Test("Promises taken back are shown side by side")
  func contradictions() throws {
    let page = try SummaryPage.sample("terms-of-service.md")
    #expect(!page.summary.contradictions.isEmpty)
    #expect(page.html.contains("id=\"contradictions\""))
    #expect(page.html.contains("<div class=\"side green\">") && page.html.contains("<div class=\"side red\">"))
  }

  @Test("A promise taken back by several clauses is shown once, beside all of its exceptions")
  func contradictionsGrouped() throws {
    let page = SummaryPage.page(
      try TestSupport.document(
        """
        1. We will never sell your personal data.

        2. We may sell your voice recordings to data brokers.

        3. We may share your personal information with advertisers for their own marketing.
        """))
    let sale = page.summary.contradictions.filter { $0.promiseRule == "no-sale-promise" }
    #expect(sale.count >= 2, "\(page.summary.contradictions.map(\.exceptionRule))")
    let section = try #require(
      page.html.components(separatedBy: "id=\"contradictions\"").last?.components(separatedBy: "</section>").first)
    #expect(section.components(separatedBy: "<article class=\"contradiction\">").count - 1 == 1)
    #expect(section.contains("The exceptions"))
    #expect(section.components(separatedBy: "href=\"#c\(sale[0].promise.clauseStart)\"").count - 1 == 1)
    for c in sale { #expect(section.contains("href=\"#c\(c.exception.clauseStart)\"")) }
  }

  @Test("A quote is cut between words, around its match")
  func excerptCutsBetweenWords() {
    let words = (1...60).map { "word\($0)" }
    let text = words.joined(separator: " ")
    let span = SourceSpan(
      start: SourceLocation(line: 1, column: 1, offset: 0), end: SourceLocation(line: 1, column: 7, offset: 6))
    let quote = Summary.Quote(text: text, match: "word30", span: span, clauseStart: 0, clauseEnd: text.utf8.count)
    let excerpt = SummaryWording.excerpt(quote, limit: 80)
    #expect(excerpt.hasPrefix("…") && excerpt.hasSuffix("…"))
    #expect(excerpt.contains("word30"))
    let shown = excerpt.trimmingCharacters(in: CharacterSet(charactersIn: "…")).split(separator: " ").map(String.init)
    #expect(shown.allSatisfy(words.contains), "\(excerpt)")
    #expect(SummaryWording.shorten(text, 30).dropLast().split(separator: " ").map(String.init).allSatisfy(words.contains))
  }

  @Test("Overlapping clauses run into one mark that keeps every clause start as an ID")
  func overlappingMarks() {
    typealias View = SummaryHTMLDocumentView
    let marks = View.merged([
      View.Highlight(range: 0..<10, level: .amber, rules: ["a"], starts: [0]),
      View.Highlight(range: 5..<20, level: .red, rules: ["b"], starts: [5]),
      View.Highlight(range: 20..<30, level: .green, rules: ["c"], starts: [20]),
    ])
    #expect(marks.count == 2)
    #expect(marks[0].range == 0..<20 && marks[0].level == .red && marks[0].starts == [0, 5] && marks[0].rules == ["a", "b"])
    #expect(marks[1].range == 20..<30)
  }
}
