import Foundation
import Testing
@testable import FinePrintKit

/// What a team putting FinePrint in CI relies on from the command line itself: the version,
/// and mistakes in configuration or suppressions that are said, never silently ignored.
@Suite("CI conventions, end to end", .enabled(if: CLIRunner.executable != nil, "needs the built fineprint binary"))
struct CIConventionsTests {
  @Test("fineprint --version prints the version and exits 0")
  func version() throws {
    let result = try CLIRunner.run(["--version"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == FinePrintVersion.current + "\n")
  }

  @Test("--fail-on info exits 0 on a fair form whose only findings are protections")
  func protectionsDoNotFail() throws {
    let result = try CLIRunner.run(["lint", "--fail-on", "info", "--format", "sarif", "Samples/fair-consent.html"])
    #expect(result.status == 0, "\(result.stderr)")
    let sarif = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let run = (sarif?["runs"] as? [[String: Any]])?.first
    #expect((run?["results"] as? [Any])?.isEmpty == true)
    #expect(((run?["properties"] as? [String: Any])?["protectionsNotReported"] as? Int ?? 0) > 3)
  }
}
