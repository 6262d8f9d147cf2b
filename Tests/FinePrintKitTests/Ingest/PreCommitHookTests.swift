import Foundation
import Testing
@testable import FinePrintKit

/// The pre-commit hook's file pattern is the list of extensions FinePrint reads, no more, no less.
@Suite("pre-commit hook")
struct PreCommitHookTests {
  @Test("The hook's files: pattern matches exactly the extensions a named file is read by")
  func filesPattern() throws {
    let hook = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
    let line = try #require(hook.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("files:") })
    let pattern = try NSRegularExpression(pattern: String(line.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces))
    let matches = { (name: String) in pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil }
    for format in DocumentFormat.allCases {
      for ext in format.extensions { #expect(matches("legal/terms.\(ext)"), "\(ext)") }
    }
    for other in ["terms.pdf", "notes.rtf", "Package.swift", "terms.html.bak"] { #expect(!matches(other), "\(other)") }
  }
}
