import Foundation
@testable import FinePrintKit

/// Paths and helpers shared by the tests.
enum TestSupport {
  /// The package root (three levels up from this file: Tests/FinePrintKitTests/TestSupport.swift).
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  /// The shared evaluation corpus, beside the clone (as CI lays it out).
  static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
  /// Whether the tests that read the corpus run: they need it beside the clone, and under CI
  /// (where it is always laid out) its absence fails them instead of skipping them silently.
  static var hasCorpus: Bool {
    FileManager.default.fileExists(atPath: corpus.path) || ProcessInfo.processInfo.environment["CI"] != nil
  }

  /// The bundled rules, compiled once for the whole run: a debug build takes seconds for it.
  static func engine() throws -> RuleEngine { try bundledEngine.get() }
  private static let bundledEngine = Result { try RuleEngine.bundled() }

  /// Where the binaries the tests run keep their compiled rules (`FINEPRINT_CACHE`): apart
  /// from the user's own cache, and kept between runs of the tests.
  static let ruleCache = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-test-rule-cache").path

  static func document(_ text: String, name: String = "test.txt", format: DocumentFormat? = nil) throws -> Document {
    try DocumentIngester().ingest(InputSource(name: name, bytes: Array(text.utf8), declaredFormat: format))
  }

  static func html(_ text: String) throws -> Document { try document(text, name: "test.html", format: .html) }
  static func xml(_ text: String) throws -> Document { try document(text, name: "test.xml", format: .xml) }

  /// The (line, column) a string of the source starts at, counted as editors do.
  static func position(of needle: String, in source: String, occurrence: Int = 1) -> (line: Int, column: Int)? {
    var searchRange = source.startIndex..<source.endIndex
    var found: Range<String.Index>?
    for _ in 0..<occurrence {
      guard let r = source.range(of: needle, range: searchRange) else { return nil }
      found = r
      searchRange = r.upperBound..<source.endIndex
    }
    guard let found else { return nil }
    let before = source[..<found.lowerBound]
    let line = before.filter { $0 == "\n" }.count + 1
    let lineStart = before.lastIndex(of: "\n").map { source.index(after: $0) } ?? source.startIndex
    return (line, source[lineStart..<found.lowerBound].unicodeScalars.count + 1)
  }

  /// A temporary directory, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// A small seeded generator (SplitMix64), so generated and mutated inputs replay exactly.
struct SplitMix: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
