import Foundation
import Testing
@testable import FinePrintKit

/// Every output format of `lint` and `summarize` on one fixture document of our own (`Tests/Golden/terms.txt`,
/// with a multi-byte prefix before a match), compared byte for byte with the expected files beside
/// it, so a change to any format shows in review as a diff of its golden file. The run uses the
/// golden rule set (`Tests/Golden/rules.yml`, one rule of each kind), not the bundled rules, so a
/// reworded rule does not touch these files. Versions, absolute paths and timestamps are
/// normalised. `FINEPRINT_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests` rewrites the
/// expected files from the current binary.
@Suite("Golden outputs")
struct GoldenOutputTests {
  static let fixture = "Tests/Golden/terms.txt"
  static let expectedFolder = TestSupport.packageRoot.appendingPathComponent("Tests/Golden/expected")
  static var updating: Bool { ProcessInfo.processInfo.environment["FINEPRINT_UPDATE_GOLDEN"] != nil }

  /// The golden file's name and the command that produces it: every `lint` and `summarize`
  /// format (a new format gets a case, and fails until its golden file is written).
  static let cases: [(name: String, arguments: [String])] =
    Reporters.identifiers.map {
      ("lint.\($0)", ["lint", "--no-config", "--only-rules", "Tests/Golden/rules.yml", "--format", $0, fixture])
    }
    + SummaryFormats.identifiers.map {
      // The summary asks the bundled questions (Rules/summary/) of what the golden rules find.
      ("summarize.\($0)", ["summarize", "--no-config", "--only-rules", "Tests/Golden/rules.yml", "--format", $0, fixture])
    }

  /// The output with what changes from run to run or machine to machine replaced by a placeholder.
  static func normalised(_ output: String) -> String {
    output
      .replacingOccurrences(of: TestSupport.packageRoot.path, with: "<root>")
      .replacingOccurrences(of: "\"\(FinePrintVersion.current)\"", with: "\"<version>\"")
      .replacingOccurrences(of: "fineprint \(FinePrintVersion.current)", with: "fineprint <version>")
      .replacingOccurrences(
        of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?"#, with: "<time>",
        options: .regularExpression)
  }

  /// "line 12: expected … got …", or nil when the texts are equal.
  static func firstDifference(_ expected: String, _ actual: String) -> String? {
    guard expected != actual else { return nil }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(e.count, a.count) where i >= e.count || i >= a.count || e[i] != a[i] {
      return
        "line \(i + 1): expected \(i < e.count ? "«\(e[i])»" : "end of file"), got \(i < a.count ? "«\(a[i])»" : "end of output")"
    }
    return "the texts differ"
  }

  @Test("Each format's output of the fixture matches its golden file", arguments: cases.map(\.name))
  func golden(name: String) throws {
    let arguments = try #require(Self.cases.first { $0.name == name }).arguments
    let result = try CLIRunner.run(arguments)
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    let actual = Self.normalised(result.stdout)
    let url = Self.expectedFolder.appendingPathComponent(name)
    if Self.updating {
      try FileManager.default.createDirectory(at: Self.expectedFolder, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      return
    }
    let expected = try? String(contentsOf: url, encoding: .utf8)
    try #require(expected != nil, "no golden file Tests/Golden/expected/\(name): write it with FINEPRINT_UPDATE_GOLDEN=1")
    let difference = Self.firstDifference(expected ?? "", actual)
    #expect(
      difference == nil,
      "fineprint \(arguments.joined(separator: " ")) differs from Tests/Golden/expected/\(name), \(difference ?? ""); if the change is meant, rewrite it with FINEPRINT_UPDATE_GOLDEN=1"
    )
  }
}
