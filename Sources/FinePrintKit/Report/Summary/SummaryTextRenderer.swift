import Foundation

/// `fineprint summarize --format text`: the summary for a terminal.
public struct SummaryTextRenderer: Sendable {
  /// Whether to use ANSI colours (a terminal, and NO_COLOR unset).
  public var color: Bool

  public init(color: Bool = false) { self.color = color }

  private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
  private func mark(_ level: Signal) -> String {
    switch level {
    case .red: return paint("✗", "31;1")
    case .green: return paint("✓", "32;1")
    case .amber: return paint("!", "33;1")
    case .neutral: return "·"
    }
  }

  public func render(_ s: Summary) -> String {
    var out: [String] = []
    out.append(paint("FinePrint summary of \(s.file)", "1") + (s.title.map { " — \($0)" } ?? ""))
    out.append("")
    out.append(paint(SummaryWording.gradeLine(s), "1"))
    out.append("  formula \(s.formulaVersion): \(s.formula)")
    out.append("")
    out.append(paint("What you are agreeing to", "1"))
    for answer in s.answers {
      let symbol = mark(SummaryWording.level(answer))
      out.append("  \(symbol) \(answer.question)")
      out.append("      \(answer.answer.uppercased()) — \(answer.detail)")
      for quote in answer.quotes.prefix(2) {
        out.append("      \(quote.line):\(quote.column) “\(SummaryWording.excerpt(quote))”")
      }
    }
    if !s.risks.isEmpty {
      out.append("")
      out.append(paint("Risks (\(s.risks.count))", "1"))
      for point in s.risks { out.append(pointLine(point)) }
    }
    if !s.protections.isEmpty {
      out.append("")
      out.append(paint("Protections (\(s.protections.count))", "1"))
      for point in s.protections { out.append(pointLine(point)) }
    }
    if !s.contradictions.isEmpty {
      out.append("")
      out.append(paint("Promises taken back elsewhere", "1"))
      for c in s.contradictions {
        out.append("  \(mark(.red)) \(c.explanation)")
        out.append("      promise   \(c.promise.line):\(c.promise.column) “\(SummaryWording.excerpt(c.promise))”")
        out.append("      exception \(c.exception.line):\(c.exception.column) “\(SummaryWording.excerpt(c.exception))”")
      }
    }
    let r = s.readability
    out.append("")
    out.append(paint("Readability", "1"))
    out.append("  " + SummaryWording.readabilityLine(r))
    for standard in r.standards {
      out.append("  \(mark(standard.meets ? .green : .red)) \(SummaryWording.standardLine(standard))")
    }
    if let hardest = r.hardestClauses.first {
      out.append(
        String(
          format: "  hardest clause (%d:%d, reading ease %.0f): “%@”", hardest.line, hardest.column,
          hardest.readingEase, SummaryWording.shorten(hardest.text, 160)))
    }
    return out.joined(separator: "\n")
  }

  private func pointLine(_ point: Summary.Point) -> String {
    let first = point.quotes[0]
    let more = point.quotes.count > 1 ? " (+\(point.quotes.count - 1) more)" : ""
    return "  \(mark(point.level)) \(point.title) — \(first.line):\(first.column)\(more)\n      \(point.message)"
  }
}

/// Sentences every summary format shares, so that they say the same thing.
public enum SummaryWording {
  /// "Grade E: you cannot join a class action; …" or why no grade was given.
  public static func gradeLine(_ s: Summary) -> String {
    guard let grade = s.grade else { return "No grade: \(s.gradeWithheld ?? "too little to assess")." }
    let points = "\(s.points.good) good, \(s.points.bad) bad, \(s.points.blockers) blocking; \(s.gradeReason)"
    let reasons = s.gradeReasons.isEmpty ? "" : ": " + s.gradeReasons.map(\.lowercasedFirst).joined(separator: "; ")
    return "Grade \(grade) (\(s.gradeMeaning))\(reasons). [\(points)]"
  }

  /// How an answer reads for the reader: red bad news, amber a worrying silence, green good
  /// news, neutral a fact or a harmless silence.
  public static func level(_ answer: Summary.Answer) -> Signal {
    if answer.answer == "not stated" { return answer.concern ? .amber : .neutral }
    // "Partly" (you may withdraw, but what they have stays) is a warning, not a plain no.
    if answer.answer == "partly" { return .amber }
    if answer.concern { return .red }
    // A question with no bad answer (what data they take) states a fact: neither good nor bad.
    return answer.factual ? .neutral : .green
  }

  public static func readabilityLine(_ r: ReadabilityReport) -> String {
    String(
      format: "reading ease %.0f (%@), grade level %.1f; %d words, about %d min to read; legalese in %.0f%% of clauses",
      r.readingEase, easeWords(r.readingEase), r.gradeLevel, r.words, r.readingMinutes, r.legaleseShare * 100)
  }

  public static func standardLine(_ s: ReadabilityReport.Standard) -> String {
    String(
      format: "%@ minimum %.0f: %@ (%.0f) — %@", s.jurisdiction, s.minimum, s.meets ? "meets it" : "falls short",
      s.score, s.citation)
  }

  /// Flesch's own labels for a reading-ease score.
  public static func easeWords(_ score: Double) -> String {
    switch score {
    case ..<30: return "very difficult, graduate level"
    case ..<50: return "difficult, college level"
    case ..<60: return "fairly difficult"
    case ..<70: return "plain English"
    case ..<80: return "fairly easy"
    default: return "easy"
    }
  }

  /// The clause, shortened around the words that matter.
  public static func excerpt(_ quote: Summary.Quote, limit: Int = 140) -> String {
    let text = quote.text.replacingOccurrences(of: "\n", with: " ")
    guard text.count > limit, let range = text.range(of: quote.match.replacingOccurrences(of: "\n", with: " ")) else {
      return shorten(text, limit)
    }
    let before = text.distance(from: text.startIndex, to: range.lowerBound)
    var start = text.index(text.startIndex, offsetBy: max(0, min(before - 40, text.count - limit)))
    var end = text.index(start, offsetBy: min(limit, text.distance(from: start, to: text.endIndex)))
    // Cut between words, never inside one ("…r information"), and never inside the match.
    if start > text.startIndex, start < range.lowerBound, let space = text[start..<range.lowerBound].firstIndex(of: " ") {
      start = text.index(after: space)
    }
    if end < text.endIndex, range.upperBound < end, let space = text[range.upperBound..<end].lastIndex(of: " ") {
      end = space
    }
    return (start > text.startIndex ? "…" : "") + text[start..<end] + (end < text.endIndex ? "…" : "")
  }

  /// The text on one line, cut after the last whole word that fits in `limit` characters.
  public static func shorten(_ text: String, _ limit: Int) -> String {
    let flat = text.replacingOccurrences(of: "\n", with: " ")
    guard flat.count > limit else { return flat }
    let cut = flat.prefix(limit)
    let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
    return String(words) + "…"
  }
}

extension SummaryTextRenderer: SummaryFormat {
  public static let identifier = "text"
  public init(options: ReportOptions) { self.init(color: options.color) }
  public func render(_ summary: Summary, document: Document) -> String { render(summary) }
}
