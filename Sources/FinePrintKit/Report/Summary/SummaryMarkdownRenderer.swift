/// `fineprint summarize --format markdown`: the summary for a pull request or a wiki page.
public struct SummaryMarkdownRenderer: Sendable {
  public init() {}

  /// The colour of a point or an answer as an emoji.
  static func icon(_ signal: Signal) -> String {
    switch signal {
    case .red: return "🔴"
    case .amber: return "🟠"
    case .green: return "🟢"
    case .neutral: return "⚪"
    }
  }

  public func render(_ s: Summary) -> String {
    var out: [String] = []
    out.append("## FinePrint summary: \(cell(s.title ?? s.file))")
    out.append("")
    out.append("**\(SummaryWording.gradeLine(s))**")
    out.append("")
    out.append("<sub>Formula `\(s.formulaVersion)`: \(s.formula). File `\(s.file)`, FinePrint \(s.version).</sub>")
    out.append("")
    out.append("### What you are agreeing to")
    out.append("")
    out.append("| | Question | Answer | Where |")
    out.append("|---|---|---|---|")
    for a in s.answers {
      let icon = Self.icon(SummaryWording.level(a))
      let where_ = a.quotes.prefix(3).map { "\($0.line):\($0.column)" }.joined(separator: ", ")
      out.append("| \(icon) | \(cell(a.question)) | **\(a.answer)** — \(cell(a.detail)) | \(where_) |")
    }
    for (heading, points) in [("Risks", s.risks), ("Protections", s.protections)] where !points.isEmpty {
      out.append("")
      out.append("### \(heading) (\(points.count))")
      out.append("")
      for p in points {
        let icon = Self.icon(p.level)
        let q = p.quotes[0]
        out.append("- \(icon) **\(cell(p.title))** (`\(p.rule)`, line \(q.line)) — \(p.message)")
        out.append("  > \(cell(SummaryWording.excerpt(q)))")
      }
    }
    if !s.contradictions.isEmpty {
      out.append("")
      out.append("### Promises taken back elsewhere")
      out.append("")
      out.append("| Promise | Exception |")
      out.append("|---|---|")
      for c in s.contradictions {
        out.append(
          "| \(cell(SummaryWording.excerpt(c.promise))) (line \(c.promise.line)) | \(cell(SummaryWording.excerpt(c.exception))) (line \(c.exception.line)) |"
        )
      }
    }
    let r = s.readability
    out.append("")
    out.append("### Readability")
    out.append("")
    out.append(SummaryWording.readabilityLine(r) + ".")
    out.append("")
    for standard in r.standards { out.append("- \(standard.meets ? "🟢" : "🔴") \(SummaryWording.standardLine(standard))") }
    if !r.hardestClauses.isEmpty {
      out.append("")
      out.append("Hardest clauses:")
      out.append("")
      for c in r.hardestClauses {
        out.append(
          "- line \(c.line), reading ease \(Int(c.readingEase.rounded())), \(c.words) words: “\(cell(SummaryWording.shorten(c.text, 200)))”"
        )
      }
    }
    return out.joined(separator: "\n")
  }

  /// Text safe inside a table cell.
  func cell(_ text: String) -> String { MarkdownReporter.cell(text) }
}

extension SummaryMarkdownRenderer: SummaryFormat {
  public static let identifier = "markdown"
  public init(options: ReportOptions) { self.init() }
  public func render(_ summary: Summary, document: Document) -> String { render(summary) }
}
