import Foundation

/// `--format json`: one JSON document with every finding, for other programs.
public struct JSONReporter: Reporter {
  public static let identifier = "json"
  public static let summary = "One JSON document: {\"files\": [{\"path\", \"findings\": [...]}], \"summary\"}."

  public init() {}

  struct Output: Encodable {
    struct File: Encodable {
      var path: String
      var findings: [Finding]
    }
    struct Counts: Encodable {
      var files: Int
      var findings: Int
      var error: Int
      var warning: Int
      var info: Int
    }
    var version = 1
    var files: [File]
    var summary: Counts
  }

  public func render(_ report: Report) -> String {
    let all = report.findings
    let output = Output(
      files: report.files.map { Output.File(path: $0.path, findings: $0.findings) },
      summary: .init(files: report.files.count, findings: all.count,
                     error: all.filter { $0.severity == .error }.count,
                     warning: all.filter { $0.severity == .warning }.count,
                     info: all.filter { $0.severity == .info }.count))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(output)) ?? Data("{}".utf8), as: UTF8.self)
  }
}
