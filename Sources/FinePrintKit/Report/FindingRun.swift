/// Findings of one rule that repeat the same point through one section of a document: an
/// arbitration section of eighteen sentences is one point for a reader, not eighteen. People's
/// formats show a run as its first finding and its extent; machine formats keep every finding.
public struct FindingRun: Sendable, Equatable {
  /// The findings of the run, in document order (at least one).
  public var findings: [Finding]

  public var first: Finding { findings[0] }
  public var last: Finding { findings[findings.count - 1] }

  /// "2 more clauses of this section, to line 57" — nil for a run of one.
  public var extent: String? {
    guard findings.count > 1 else { return nil }
    let more = findings.count - 1
    let section = first.headings.last.map { " of \"\($0)\"" } ?? ""
    return "and \(more) more \(English.plural(more, "clause"))\(section), to line \(last.line)"
  }

  /// Readability notes are about the whole text: one run per document.
  public static func isReadabilityNote(_ finding: Finding) -> Bool { finding.category == "plain-language" }

  /// The findings grouped into runs: the clause findings of one rule under the same headings
  /// (the same section) form one run, placed where its first finding stands; those for which
  /// `wholeDocument` is true (readability notes) form one run per rule and document;
  /// document-level findings stand alone.
  public static func runs(_ findings: [Finding], wholeDocument: (Finding) -> Bool = isReadabilityNote) -> [FindingRun] {
    var runs: [FindingRun] = []
    var index: [RunKey: Int] = [:]
    for finding in findings {
      guard !finding.documentLevel else {
        runs.append(FindingRun(findings: [finding]))
        continue
      }
      let key = RunKey(rule: finding.rule, headings: wholeDocument(finding) ? [] : finding.headings)
      if let at = index[key] {
        runs[at].findings.append(finding)
      } else {
        index[key] = runs.count
        runs.append(FindingRun(findings: [finding]))
      }
    }
    return runs
  }

  private struct RunKey: Hashable {
    var rule: String
    var headings: [String]
  }
}
