/// `--format json`: one JSON document with every finding, for other programs.
public struct JSONReporter: Reporter {
  public static let identifier = "json"
  public static let summary = "One JSON document: {\"files\": [{\"path\", \"findings\": [...]}], \"summary\"}."

  public init() {}

  public func render(_ report: Report) -> String {
    let all = report.findings
    var w = JSONWriter(pretty: true)
    w.object { w in
      w.key("files")
      w.array { w in
        for file in report.files {
          w.object { w in
            w.key("findings")
            w.array { w in for finding in file.findings { w.finding(finding) } }
            w.key("path"); w.string(file.path)
          }
        }
      }
      w.key("summary")
      w.object { w in
        w.key("error"); w.int(all.count(where: { $0.severity == .error }))
        w.key("files"); w.int(report.files.count)
        w.key("findings"); w.int(all.count)
        w.key("info"); w.int(all.count(where: { $0.severity == .info }))
        w.key("warning"); w.int(all.count(where: { $0.severity == .warning }))
      }
      w.key("version"); w.int(1)
    }
    return w.text
  }
}
