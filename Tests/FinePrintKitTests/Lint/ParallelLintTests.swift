import Foundation
import Testing
@testable import FinePrintKit

/// A large document's clauses are matched on several threads: the findings must be those of
/// one thread, in the same order, whatever the number.
@Suite("Linting on several threads")
struct ParallelLintTests {
  @Test("One thread and several find the same, in the same order, on a large document")
  func sameFindings() throws {
    let samples = TestSupport.packageRoot.appendingPathComponent("Samples")
    var text = ""
    for name in try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted()
    where name.hasSuffix(".txt") || name.hasSuffix(".md") {
      text += try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8) + "\n\n"
    }
    // Repeated until it has many chunks' worth of clauses.
    let document = try TestSupport.document(String(repeating: text, count: 25))
    var linter = Linter(engine: try TestSupport.engine())
    linter.threads = 1
    let clauses = linter.tokenizedClauses(document)
    #expect(clauses.count > 6 * Linter.minimumChunk)
    let alone = linter.lint(document)
    #expect(alone.count > 100)
    let segmented = linter.segmenter.clauses(in: document, threads: 1)
    #expect(document.blocks.count > 6 * ClauseSegmenter.minimumChunk)
    for threads in [2, 7] {
      #expect(linter.segmenter.clauses(in: document, threads: threads) == segmented, "\(threads) threads")
      linter.threads = threads
      #expect(linter.tokenizedClauses(document).map(\.tokens) == clauses.map(\.tokens), "\(threads) threads")
      #expect(linter.lint(document) == alone, "\(threads) threads")
    }
  }

  @Test("Ranges cover the list once, in order, whatever the threads")
  func chunks() {
    for count in [0, 1, 255, 512, 513, 10_000] {
      for threads in [1, 2, 7] {
        let ranges = ParallelChunks.map(count: count, threads: threads, minimumChunk: 256) { $0 }
        #expect(ranges.flatMap { Array($0) } == Array(0..<count), "\(count) items, \(threads) threads")
      }
    }
  }
}
