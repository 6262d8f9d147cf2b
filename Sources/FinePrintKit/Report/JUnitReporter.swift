/// `--format junit`: JUnit XML, which CI servers (Jenkins, GitLab, Azure) show as test results:
/// one test suite per document, one failed test case per finding at or above warning, and one
/// passing case for a document with none.
public struct JUnitReporter: Reporter {
  public static let identifier = "junit"
  public static let summary = "JUnit XML: a test suite per document, a failed test case per risk."

  public init() {}

  public func render(_ report: Report) -> String {
    let e = XMLEscaping.escape
    var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
    let failing = report.findings.filter { $0.severity != .info }
    lines.append("<testsuites name=\"FinePrint\" tests=\"\(max(failing.count, report.files.count))\" failures=\"\(failing.count)\">")
    for file in report.files {
      let risks = file.findings.filter { $0.severity != .info }
      lines.append("  <testsuite name=\"\(e(file.path))\" tests=\"\(max(risks.count, 1))\" failures=\"\(risks.count)\">")
      if risks.isEmpty {
        lines.append("    <testcase classname=\"\(e(file.path))\" name=\"no risky terms\"/>")
      }
      for f in risks {
        lines.append("    <testcase classname=\"\(e(file.path))\" name=\"\(e("\(f.rule) at \(f.line):\(f.column)"))\">")
        lines.append("      <failure type=\"\(e(f.severity.rawValue))\" message=\"\(e(f.message))\">\(e("\(f.file):\(f.line):\(f.column): \(f.clause)"))</failure>")
        lines.append("    </testcase>")
      }
      lines.append("  </testsuite>")
    }
    lines.append("</testsuites>")
    return lines.joined(separator: "\n")
  }
}
