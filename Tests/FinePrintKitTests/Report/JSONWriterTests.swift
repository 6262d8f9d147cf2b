import Foundation
import Testing
@testable import FinePrintKit

/// The JSON formats, written without `JSONEncoder`, against what Foundation's encoders make of
/// the same values: the same bytes for JSON and SARIF, the same records for JSON Lines, on
/// text with every kind of character a string may need escaped.
@Suite("JSON writer")
struct JSONWriterTests {
  /// Text that needs escaping: control characters, quotes, backslashes, slashes, line and
  /// paragraph separators, DEL, accents and an emoji.
  static let awkward =
    (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
    + "\"quoted\" back\\slash a/b \u{7F} \u{2028}line\u{2029}para é 😀"

  /// A report whose findings carry awkward text in every string field, one suppressed.
  static func report() -> Report {
    var base = CIReporterTests.report(findings: 12, files: 2)
    for f in base.files.indices {
      base.files[f].findings = base.files[f].findings.enumerated().map { n, finding in
        var finding = finding
        finding.clause = Self.awkward + finding.clause
        var random = SplitMix(seed: UInt64(n) + 1)
        finding.match = String(Self.awkward.shuffled(using: &random))
        finding.headings = n % 2 == 0 ? [] : [Self.awkward, "x"]
        finding.message += "\u{2028}"
        if n == 3 { finding.suppression = "reviewed \"by\" counsel\n" }
        return finding
      }
      base.files[f].suppressed = Array(base.files[f].findings.prefix(1))
    }
    return base
  }

  /// What `JSONSerialization` writes for the value `text` parses to, with the reporters' options.
  static func reserialized(_ text: String) throws -> String {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self)
  }

  @Test("JSON: byte for byte what JSONEncoder wrote")
  func json() throws {
    let report = Self.report()
    struct File: Encodable {
      var path: String
      var findings: [Finding]
    }
    struct Counts: Encodable { var files, findings, error, warning, info: Int }
    struct Output: Encodable {
      var version = 1
      var files: [File]
      var summary: Counts
    }
    let all = report.findings
    let expected = Output(
      files: report.files.map { File(path: $0.path, findings: $0.findings) },
      summary: Counts(
        files: report.files.count, findings: all.count, error: all.count(where: { $0.severity == .error }),
        warning: all.count(where: { $0.severity == .warning }), info: all.count(where: { $0.severity == .info })))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    #expect(JSONReporter().render(report) == String(decoding: try encoder.encode(expected), as: UTF8.self))
    let empty = Report(files: [], rules: report.rules)
    #expect(try JSONReporter().render(empty) == Self.reserialized(JSONReporter().render(empty)))
  }

  @Test("JSON Lines: one record a line that decodes to its finding, U+2028 and U+2029 escaped")
  func jsonLines() throws {
    let report = Self.report()
    let text = JSONLinesReporter().render(report)
    #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"))
    #expect(text.contains("\\u2028") && text.contains("\\u2029"))
    // `split` on Character: also at U+2028, as line-splitting tools do.
    let lines = text.split(whereSeparator: \.isNewline)
    #expect(lines.count == report.findings.count)
    let decoded = try lines.map { try JSONDecoder().decode(Finding.self, from: Data($0.utf8)) }
    // The record holds the span's lines and columns, not its byte offsets (read back as 0).
    let written = report.findings.map { finding in
      var finding = finding
      finding.span.start.offset = 0
      finding.span.end.offset = 0
      return finding
    }
    #expect(decoded == written)
    #expect(report.findings.contains { $0.span.start.offset != 0 })
    #expect(JSONLinesReporter().render(Report(files: [], rules: report.rules)).isEmpty)
  }

  @Test("SARIF: byte for byte what JSONSerialization writes of it, with cut results and suppressions")
  func sarif() throws {
    let report = Self.report()
    for limit in [SARIFReporter.gitHubResultLimit, 3] {
      let text = SARIFReporter(maxResults: limit).render(report)
      #expect(try text == Self.reserialized(text))
      let runs = try #require(
        (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])
      let results = try #require(runs.first?["results"] as? [[String: Any]])
      #expect(results.count == min(limit, report.files.flatMap { $0.findings + $0.suppressed }.count { !$0.isProtection }))
      // Suppressed results are the first cut.
      #expect(results.contains { $0["suppressions"] != nil } == (limit > 3))
    }
  }

  /// Records each write, to see that a report arrives in pieces.
  final class Pieces: ReportOutput {
    var pieces: [[UInt8]] = []
    func write(_ bytes: [UInt8]) { pieces.append(bytes) }
    var text: String { String(decoding: pieces.joined(), as: UTF8.self) }
  }

  @Test("Streamed on several threads: the same bytes as on one, written in pieces", arguments: [1, 2, 3, 8])
  func streamed(threads: Int) throws {
    // More findings than a batch, in files of uneven length (the last has none).
    var report = CIReporterTests.report(findings: BatchedRendering.batch + 2_345, files: 3)
    report.files.append(Report.FileResult(path: "empty.html", findings: []))
    let awkward = Self.report()
    report.files[1].findings.replaceSubrange(0..<awkward.files[0].findings.count, with: awkward.files[0].findings)
    let reporters: [(any Reporter, any Reporter)] = [
      (JSONReporter(threads: 1), JSONReporter(threads: threads)),
      (JSONLinesReporter(threads: 1), JSONLinesReporter(threads: threads)),
      (SARIFReporter(threads: 1), SARIFReporter(threads: threads)),
    ]
    for (alone, together) in reporters {
      let expected = alone.render(report)
      let output = Pieces()
      try together.write(report, to: output)
      #expect(output.text == expected)
      #expect(output.pieces.count > 2, "\(type(of: together)) wrote the report whole")
      #expect(together.render(report) == expected)
    }
    // What the single-threaded writer writes is still what Foundation writes.
    #expect(try JSONReporter(threads: threads).render(report) == Self.reserialized(JSONReporter(threads: 1).render(report)))
  }

  /// An output that fails after some bytes, as a full disk does.
  final class FullDisk: ReportOutput {
    struct Full: Error {}
    var room: Int
    init(room: Int) { self.room = room }
    func write(_ bytes: [UInt8]) throws {
      room -= bytes.count
      if room < 0 { throw Full() }
    }
  }

  @Test("A write that fails stops the streamed report with its error")
  func failingOutput() {
    let report = CIReporterTests.report(findings: 3_000)
    for reporter in [JSONReporter() as any Reporter, JSONLinesReporter(), SARIFReporter()] {
      #expect(throws: FullDisk.Full.self) { try reporter.write(report, to: FullDisk(room: 10_000)) }
    }
  }
}
