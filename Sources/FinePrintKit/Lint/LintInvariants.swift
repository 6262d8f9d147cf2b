/// The promises a reading of any input keeps, however damaged or hostile the input: every block,
/// clause, token and finding lies inside the visible text, each match inside its clause, every
/// start before its end, and the source map runs forward inside the original file, with its
/// verbatim runs equal to the source bytes they point at (so positions map back into the file).
///
/// The fuzz targets (`Fuzz/`) and the property tests check these on every input they make. A
/// violation is a bug in FinePrint, never a fault of the input.
public enum LintInvariants {
  /// What is broken, one line each (at most `limit`); empty when every invariant holds.
  /// Lints the document once with `linter`, the document rules included.
  public static func violations(of document: Document, linter: Linter, limit: Int = 10) -> [String] {
    var problems: [String] = []
    func check(_ condition: Bool, _ problem: @autoclosure () -> String) {
      if !condition && problems.count < limit { problems.append(problem()) }
    }
    let count = document.bytes.count
    let whole = 0...count
    checkSourceMap(document, check)
    for (i, block) in document.blocks.enumerated() {
      check(
        whole.contains(block.range.lowerBound) && whole.contains(block.range.upperBound),
        "block \(i) \(block.range) outside the text (\(count) bytes)")
    }
    let clauses = linter.tokenizedClauses(document)
    var previousStart = 0
    for (clause, tokens) in clauses {
      let range = clause.range
      check(
        whole.contains(range.lowerBound) && whole.contains(range.upperBound), "clause \(range) outside the text (\(count) bytes)")
      check(range.lowerBound >= previousStart, "clause \(range) starts before the clause before it (\(previousStart))")
      previousStart = range.lowerBound
      check(
        document.blocks.indices.contains(clause.blockIndex),
        "clause \(range) names block \(clause.blockIndex) of \(document.blocks.count)")
      if let leadIn = clause.leadIn {
        check(
          leadIn.lowerBound >= 0 && leadIn.upperBound <= range.lowerBound,
          "clause \(range) has its lead-in \(leadIn) after its start")
      }
      for token in tokens {
        let inside = range.contains(token.range.lowerBound) && token.range.upperBound <= range.upperBound
        let inLeadIn =
          clause.leadIn.map { $0.contains(token.range.lowerBound) && token.range.upperBound <= $0.upperBound } ?? false
        check(inside || inLeadIn, "token \(token.range) outside its clause \(range)")
      }
    }
    let ranges = Set(clauses.map(\.clause.range))
    let lines = document.lineIndex.lineCount
    for finding in linter.lint(document, clauses: clauses.map(\.clause), documentRules: true) {
      let name = "\(finding.rule) at \(finding.textStart)-\(finding.textEnd)"
      check(
        finding.textStart <= finding.textEnd && finding.textEnd <= count && finding.textStart >= 0,
        "\(name): match outside the text (\(count) bytes)")
      check(
        finding.clauseStart <= finding.clauseEnd && finding.clauseEnd <= count && finding.clauseStart >= 0,
        "\(name): clause \(finding.clauseStart)-\(finding.clauseEnd) outside the text")
      if !finding.documentLevel {
        check(
          finding.clauseStart <= finding.textStart && finding.textEnd <= finding.clauseEnd,
          "\(name): match outside its clause \(finding.clauseStart)-\(finding.clauseEnd)")
        check(
          ranges.contains(finding.clauseStart..<finding.clauseEnd),
          "\(name): clause \(finding.clauseStart)-\(finding.clauseEnd) is none of the document's clauses")
      }
      check(
        finding.line >= 1 && finding.column >= 1 && finding.endLine <= lines,
        "\(name): position \(finding.line):\(finding.column)-\(finding.endLine):\(finding.endColumn) outside the file's \(lines) lines"
      )
      check(
        (finding.line, finding.column) <= (finding.endLine, finding.endColumn),
        "\(name): ends at \(finding.endLine):\(finding.endColumn) before it starts at \(finding.line):\(finding.column)")
    }
    return problems
  }

  /// The source map: runs in text order inside the text, running forward inside the source,
  /// and verbatim runs equal to the source bytes they stand for.
  private static func checkSourceMap(_ document: Document, _ check: (Bool, @autoclosure () -> String) -> Void) {
    let text = document.bytes
    let source = document.lineIndex.source
    var textEnd = 0
    var sourceEnd = 0
    for run in document.sourceMap.runs {
      check(
        run.textStart >= textEnd && run.textLength > 0 && run.textStart + run.textLength <= text.count,
        "source map run \(run) out of order or outside the text (\(text.count) bytes)")
      check(
        run.sourceStart >= sourceEnd && run.sourceStart <= run.sourceEnd && run.sourceEnd <= source.count,
        "source map run \(run) runs backward or outside the source (\(source.count) bytes)")
      if run.isVerbatim, run.textStart >= 0, run.textStart + run.textLength <= text.count, run.sourceStart >= 0,
        run.sourceEnd <= source.count
      {
        check(
          run.sourceEnd - run.sourceStart == run.textLength
            && text[run.textStart..<(run.textStart + run.textLength)].elementsEqual(source[run.sourceStart..<run.sourceEnd]),
          "verbatim run \(run) differs from the source bytes it points at")
      }
      textEnd = max(textEnd, run.textStart + run.textLength)
      sourceEnd = max(sourceEnd, run.sourceEnd)
    }
  }
}
