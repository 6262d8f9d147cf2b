/// `--format checkstyle`: Checkstyle XML, read by many code-review tools (reviewdog, Jenkins).
public struct CheckstyleReporter: Reporter {
  public static let identifier = "checkstyle"
  public static let summary = "Checkstyle XML, for reviewdog, Jenkins and other review tools."

  public init() {}

  public func render(_ report: Report) -> String {
    let a = XMLEscaping.attribute
    var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<checkstyle version=\"4.3\">"]
    for file in report.files {
      lines.append("  <file name=\"\(a(file.path))\">")
      for f in file.findings {
        lines.append(
          "    <error line=\"\(f.line)\" column=\"\(f.column)\" severity=\"\(f.severity.rawValue)\" message=\"\(a(f.message))\" source=\"fineprint.\(a(f.rule))\"/>"
        )
      }
      lines.append("  </file>")
    }
    lines.append("</checkstyle>")
    return lines.joined(separator: "\n")
  }
}

extension CheckstyleReporter {
  public init(options: ReportOptions) {
    self.init()
  }
}
