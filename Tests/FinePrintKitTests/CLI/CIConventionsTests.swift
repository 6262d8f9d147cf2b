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
}
