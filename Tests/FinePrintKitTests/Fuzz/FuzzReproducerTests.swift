import Foundation
import Testing
import FinePrintFuzz
@testable import FinePrintKit

/// Inputs the fuzz targets (`Fuzz/run`) found, reduced by hand to what still broke, each
/// replayed through the same target and its invariants. Each was a crash, a hang or a broken
/// invariant before its fix.
@Suite("Fuzz reproducers")
struct FuzzReproducerTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let id: String
    let target: FuzzTarget
    let input: [UInt8]
    var testDescription: String { id }

    init(_ id: String, _ target: FuzzTarget, _ text: String) {
      self.id = id
      self.target = target
      input = Array(text.utf8)
    }
  }

  static let cases: [Case] = [
    Case(
      "html: a stray '<' at the end put a match outside its clause", .html,
      "Pay are at our discretion o-y: sarif; one; }<"),
    Case(
      "config: a control character was a YAML error of several lines, placed at 1:1", .config,
      "disable: ves\u{1}Dioo\n"),
    Case(
      "rules: a pattern written over two lines was quoted over two lines in its error", .rules,
      RuleLoadingTests.valid.replacingOccurrences(of: "sell+ ..3 @personal-data", with: "(stored |\\n -)")),
  ]

  @Test("A reproducer keeps every invariant", arguments: cases)
  func replay(_ reproducer: Case) {
    #expect(reproducer.target.check(reproducer.input) == [], "\(reproducer.id)")
  }
}
