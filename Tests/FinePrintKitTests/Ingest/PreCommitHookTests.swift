import Foundation
import Testing
import Yams
@testable import FinePrintKit

/// The pre-commit hooks lint exactly the files FinePrint reads, with the `fineprint` on the PATH
/// (the release binary) or one pre-commit builds.
@Suite("pre-commit hooks")
struct PreCommitHookTests {
  private func hooks() throws -> [[String: Any]] {
    let text = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
    return try #require(try Yams.load(yaml: text) as? [[String: Any]])
  }

  @Test("Each hook's files: pattern matches exactly the extensions a named file is read by")
  func filesPattern() throws {
    let hooks = try hooks()
    #expect(!hooks.isEmpty)
    for hook in hooks {
      let pattern = try NSRegularExpression(pattern: try #require(hook["files"] as? String))
      let matches = { (name: String) in pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil }
      for format in DocumentFormat.allCases {
        for ext in format.extensions { #expect(matches("legal/terms.\(ext)"), "\(ext)") }
      }
      for other in ["terms.pdf", "notes.rtf", "Package.swift", "terms.html.bak"] { #expect(!matches(other), "\(other)") }
    }
  }

  @Test("The fineprint hook runs the fineprint on the PATH; fineprint-source has pre-commit build it")
  func languages() throws {
    let byID = Dictionary(uniqueKeysWithValues: try hooks().map { ($0["id"] as? String ?? "", $0) })
    #expect(byID["fineprint"]?["language"] as? String == "system")
    #expect(byID["fineprint-source"]?["language"] as? String == "swift")
    for hook in byID.values { #expect(hook["entry"] as? String == "fineprint lint") }
  }
}
