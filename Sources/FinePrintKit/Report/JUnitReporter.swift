/// `--format junit`: JUnit XML, which CI servers (Jenkins, GitLab, Azure) show as test results:
/// one test suite per document and one test case per risk, failed when the risk fails the run
/// (`--fail-on`, warning by default) and passing (with its message as output) when it is below
/// that. Risks of severity warning and above are always test cases, info risks when `--fail-on
/// info` makes them failures; protections never are. A document with no such risk has one
/// passing case. Every `tests` and `failures` count is that of the cases written.
public struct JUnitReporter: Reporter {
  public static let identifier = "junit"
  public static let summary = "JUnit XML: a test suite per document, a test case per risk, failed at or above --fail-on."

  /// The exit threshold (`--fail-on`; nil for never).
  public var failOn: Severity?

  public init(failOn: Severity? = .warning) {
    self.failOn = failOn
  }

  public func render(_ report: Report) -> String {
    let e = XMLEscaping.escape
    let a = XMLEscaping.attribute
    let shownFrom = min(failOn ?? .warning, .warning)
    let fails = { (f: Finding) in failOn.map { f.severity >= $0 } ?? false }
    var suites: [String] = []
    var tests = 0
    var failures = 0
    for file in report.files {
      let risks = file.findings.filter { !$0.isProtection && $0.severity >= shownFrom }
      var cases: [String] = []
      if risks.isEmpty {
        cases.append("    <testcase classname=\"\(a(file.path))\" name=\"no risky terms\"/>")
      }
      for f in risks {
        cases.append("    <testcase classname=\"\(a(file.path))\" name=\"\(a("\(f.rule) at \(f.line):\(f.column)"))\">")
        let detail = e("\(f.file):\(f.line):\(f.column): \(f.severity.rawValue): \(f.clause)")
        if fails(f) {
          cases.append("      <failure type=\"\(a(f.severity.rawValue))\" message=\"\(a(f.message))\">\(detail)</failure>")
        } else {
          cases.append("      <system-out>\(e(f.message))\n\(detail)</system-out>")
        }
        cases.append("    </testcase>")
      }
      let failed = risks.filter(fails).count
      let count = max(risks.count, 1)
      tests += count
      failures += failed
      suites.append("  <testsuite name=\"\(a(file.path))\" tests=\"\(count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"0\">")
      suites += cases
      suites.append("  </testsuite>")
    }
    let lines =
      [
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<testsuites name=\"FinePrint\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">",
      ]
      + suites + ["</testsuites>"]
    return lines.joined(separator: "\n")
  }
}

extension JUnitReporter {
  public init(options: ReportOptions) {
    self.init(failOn: options.failOn)
  }
}
