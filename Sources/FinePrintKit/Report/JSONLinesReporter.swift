/// `--format jsonl`: one finding per line, for streaming into other tools.
public struct JSONLinesReporter: Reporter {
  public static let identifier = "jsonl"
  public static let summary = "One JSON object per finding, one per line."

  /// Threads the records are rendered on (the bytes are the same whatever the number).
  public var threads: Int

  public init(threads: Int = BatchedRendering.defaultThreads) {
    self.threads = threads
  }

  public func render(_ report: Report) -> String {
    let buffer = ReportBuffer()
    try? write(report, to: buffer)
    return buffer.text
  }

  /// U+2028 and U+2029 are written escaped, so no tool splits a record at them. Records are
  /// rendered on every core and written a batch at a time.
  public func write(_ report: Report, to output: ReportOutput) throws {
    var written = 0
    for file in report.files {
      let findings = file.findings
      let first = written == 0
      try BatchedRendering.write(count: findings.count, threads: threads, to: output) { range in
        var w = JSONWriter(pretty: false, escapeLineSeparators: true)
        for i in range {
          if i > 0 || !first { w.newlineBetweenRecords() }
          w.finding(findings[i])
        }
        return w.bytes
      }
      written += findings.count
    }
  }
}

extension JSONLinesReporter {
  public init(options: ReportOptions) {
    self.init()
  }
}
