import Foundation
import FinePrintKit

/// `--stages FILE`: where one large document's time goes in `fineprint lint --format json`,
/// stage by stage, in process, with the threads a lint uses (reading, ingesting, segmenting,
/// linting, rendering the JSON). The run to read beside `perf record` of the whole process.
enum Stages {
  static func run(file: String, repeats: Int) throws {
    let engine = try RuleEngine.bundled()
    let linter = Linter(engine: engine)
    var rows: [(String, [Double])] = []
    func time(_ name: String, _ body: () throws -> Void) rethrows {
      let start = ContinuousClock.now
      try body()
      let d = ContinuousClock.now - start
      let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
      if let k = rows.firstIndex(where: { $0.0 == name }) { rows[k].1.append(seconds) } else { rows.append((name, [seconds])) }
    }
    for _ in 0..<max(repeats, 1) {
      var source = InputSource(name: file, bytes: [])
      try time("read") { source = try InputCollector().read(file) }
      var document: Document?
      try time("ingest") { document = try DocumentIngester().ingest(source) }
      guard let document else { return }
      time("segment") { _ = linter.segmenter.clauses(in: document) }
      var result: LintResult?
      time("lint (segment, match, document rules)") { result = linter.lintApplyingSuppressions(document) }
      let report = Report(files: [Report.FileResult(path: file, findings: result!.findings)], rules: engine.ruleSet)
      var rendered = ""
      time("render JSON") { rendered = JSONReporter().render(report) }
      time("write") { FileHandle.nullDevice.write(Data(rendered.utf8)) }
    }
    let size = Double((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)??.intValue ?? 0)
    print("\(file): \(String(format: "%.1f", size / 1_048_576)) MB, \(linter.threads) threads, medians of \(repeats)")
    for (name, times) in rows {
      let median = times.sorted()[times.count / 2]
      print("  \(name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(String(format: "%8.1f ms", median * 1000))")
    }
  }
}
