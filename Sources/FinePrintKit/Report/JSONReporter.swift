/// `--format json`: one JSON document with every finding, for other programs.
public struct JSONReporter: Reporter {
  public static let identifier = "json"
  public static let summary = "One JSON document: {\"files\": [{\"path\", \"findings\": [...]}], \"summary\"}."

  /// Threads the findings are rendered on (the bytes are the same whatever the number).
  public var threads: Int

  public init(threads: Int = BatchedRendering.defaultThreads) {
    self.threads = threads
  }

  public func render(_ report: Report) -> String {
    let buffer = ReportBuffer()
    try? write(report, to: buffer)
    return buffer.text
  }

  /// Streams the document: a large report's findings are rendered on every core and written a
  /// batch at a time.
  public func write(_ report: Report, to output: ReportOutput) throws {
    var w = JSONWriter(pretty: true)
    try w.object { w in
      w.key("files")
      try w.array { w in
        for file in report.files {
          try w.object { w in
            w.key("findings")
            let findings = file.findings
            try w.array { w in
              try w.elements(count: findings.count, threads: threads, to: output) { i, w in w.finding(findings[i]) }
            }
            w.key("path")
            w.string(file.path)
          }
        }
      }
      w.key("summary")
      w.object { w in
        w.key("error")
        w.int(report.count(of: .error))
        w.key("files")
        w.int(report.files.count)
        w.key("findings")
        w.int(report.files.reduce(0) { $0 + $1.findings.count })
        w.key("info")
        w.int(report.count(of: .info))
        w.key("warning")
        w.int(report.count(of: .warning))
      }
      w.key("version")
      w.int(1)
    }
    try w.flush(to: output)
  }
}

extension JSONReporter {
  public init(options: ReportOptions) {
    self.init()
  }
}
