import Dispatch
import Foundation
import Testing
@testable import FinePrintKit

/// Properties of linting over generated documents: terms made of headings, numbered sections,
/// lists and sentences (risky clauses, protections, abbreviations, multi-byte text), rendered as
/// plain text, HTML, XML and `.docx`. Each case is seeded: a failure names its seed, and
/// `document(seed:)` rebuilds the same document.
@Suite("Lint properties over generated documents")
struct LintPropertyTests {
  static let linter: Linter = { try! Linter(engine: RuleEngine.bundled()) }()

  static let sentences = [
    "We may sell your personal information to third parties.", "You waive any right to a jury trial.",
    "Any dispute will be resolved by binding arbitration.", "By using the service you agree to these terms.",
    "You can withdraw your consent at any time.", "We keep your recordings for as long as we see fit.",
    "Your voice may be used to train our AI models, e.g. speech synthesis.", "We do not sell your data.",
    "Payment is made at our sole discretion; it may change at any time.", "Données « personnelles » — 個人情報 😀.",
    "The Company (\"we\", \"us\") may share data with partners Inc. and advertisers, unless required by law.",
    "You agree not to: (a) copy the app; (b) sell it; (c) reverse engineer it.",
  ]
  static let headings = ["Privacy", "Disputes", "Your rights", "Payment", "Data & AI"]

  /// A document's parts, before rendering: (heading, paragraphs), where a paragraph is either
  /// sentences or the items of a list.
  struct Terms {
    var sections: [(heading: String, paragraphs: [[String]], isList: [Bool])] = []
  }

  static func document(seed: UInt64) -> Terms {
    var generator = SplitMix(seed: seed)
    func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
    var terms = Terms()
    for _ in 0..<(1 + Int(generator.next() % 5)) {
      var paragraphs: [[String]] = []
      var isList: [Bool] = []
      for _ in 0..<(1 + Int(generator.next() % 4)) {
        paragraphs.append((0..<(1 + Int(generator.next() % 4))).map { _ in pick(sentences) })
        isList.append(generator.next() % 3 == 0)
      }
      terms.sections.append((pick(headings), paragraphs, isList))
    }
    return terms
  }

  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: "\"", with: "&quot;")
  }

  static func renderings(_ terms: Terms) throws -> [(DocumentFormat, [UInt8])] {
    var text = ""
    var html = "<!doctype html><html><head><title>Terms</title></head><body>\n"
    var xml = "<?xml version=\"1.0\"?>\n<akomaNtoso><act><body>\n"
    var docx = ""
    for (n, section) in terms.sections.enumerated() {
      text += "\(n + 1). \(section.heading)\n\n"
      html += "<h2>\(n + 1). \(escaped(section.heading))</h2>\n"
      xml += "<section><num>\(n + 1).</num><heading>\(escaped(section.heading))</heading>\n"
      docx += DocxBuilder.p("\(n + 1). \(escaped(section.heading))", style: "Heading2")
      for (paragraph, list) in zip(section.paragraphs, section.isList) {
        if list {
          text +=
            paragraph.enumerated().map { "(\(Character(UnicodeScalar(97 + $0.offset)!))) \($0.element)" }.joined(separator: "\n")
            + "\n\n"
          html += "<ol>" + paragraph.map { "<li>\(escaped($0))</li>" }.joined() + "</ol>\n"
          xml += paragraph.map { "<paragraph><content><p>\(escaped($0))</p></content></paragraph>" }.joined() + "\n"
          docx += paragraph.map { DocxBuilder.p(escaped($0), style: "ListParagraph") }.joined()
        } else {
          text += paragraph.joined(separator: " ") + "\n\n"
          html += "<p>" + paragraph.map(escaped).joined(separator: "\n  ") + "</p>\n"
          xml += "<content><p>" + paragraph.map(escaped).joined(separator: " ") + "</p></content>\n"
          docx += DocxBuilder.p(paragraph.map(escaped).joined(separator: " "))
        }
      }
      xml += "</section>\n"
    }
    html += "</body></html>\n"
    xml += "</body></act></akomaNtoso>\n"
    return [
      (.plainText, Array(text.utf8)), (.html, Array(html.utf8)), (.xml, Array(xml.utf8)),
      (.docx, try DocxBuilder.docx(docx)),
    ]
  }

  static func ingest(_ format: DocumentFormat, _ bytes: [UInt8], seed: UInt64) throws -> Document {
    try DocumentIngester().ingest(InputSource(name: "seed-\(seed).\(format.rawValue)", bytes: bytes, declaredFormat: format))
  }

  @Test(
    "Every rendering of 150 generated documents keeps every invariant, and each finding's position in the file holds its first letter"
  )
  func invariants() throws {
    for seed in UInt64(1)...150 {
      for (format, bytes) in try Self.renderings(Self.document(seed: seed)) {
        let document = try Self.ingest(format, bytes, seed: seed)
        #expect(LintInvariants.violations(of: document, linter: Self.linter) == [], "seed \(seed), \(format)")
        guard format != .docx else { continue }
        // The line and column of a finding, looked up in the file itself, hold the match's first letter.
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for finding in Self.linter.lint(document) where !finding.documentLevel {
          guard let first = finding.match.unicodeScalars.first, first.properties.isAlphabetic, finding.line <= lines.count
          else { continue }
          let line = Array(lines[finding.line - 1].unicodeScalars)
          #expect(
            finding.column <= line.count && line[finding.column - 1] == first,
            "seed \(seed), \(format): \(finding.rule) at \(finding.line):\(finding.column) does not point at '\(first)'")
        }
      }
    }
  }

  @Test("Linting documents on many threads at once gives what linting them one by one gives")
  func threadCountDoesNotChangeFindings() throws {
    let documents = try (UInt64(1)...40).flatMap { seed in
      try Self.renderings(Self.document(seed: 1_000 + seed)).map { try Self.ingest($0.0, $0.1, seed: 1_000 + seed) }
    }
    let sequential = documents.map { Self.linter.lint($0) }
    for threads in [2, 8] {
      let results = LockedArray<[Finding]>(count: documents.count)
      let chunk = (documents.count + threads - 1) / threads
      DispatchQueue.concurrentPerform(iterations: threads) { worker in
        for index in (worker * chunk)..<min(documents.count, (worker + 1) * chunk) {
          results.set(index, Self.linter.lint(documents[index]))
        }
      }
      #expect(results.values == sequential.map { Optional($0) }, "\(threads) threads")
    }
  }
}

/// Results written from many threads, read back in order.
final class LockedArray<T: Sendable>: @unchecked Sendable {
  private var storage: [T?]
  private let lock = NSLock()
  init(count: Int) { storage = Array(repeating: nil, count: count) }
  func set(_ index: Int, _ value: T) { lock.withLock { storage[index] = value } }
  var values: [T?] { lock.withLock { storage } }
}
