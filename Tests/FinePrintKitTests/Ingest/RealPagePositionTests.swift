import Foundation
import Testing
@testable import FinePrintKit

/// On real 2015–2016 web pages (OPP-115), every clause's reported line and column must point
/// at its first word in the original HTML.
@Suite("Positions on real web pages", .enabled(if: TestSupport.hasCorpus, "needs ../shared/corpus beside the clone"))
struct RealPagePositionTests {
  static let pages = [
    "1028_www.redorbit.com.html", "1360_thehill.com.html", "1610_www.post-gazette.com.html", "175_mlb.mlb.com.html",
    "1703_www.basketball-reference.com.html", "21_www.imdb.com.html",
  ]

  /// Decodes the entities a clause's first word may start with in the source.
  func decodedPrefix(_ scalars: ArraySlice<Unicode.Scalar>, count: Int) -> String {
    var out = ""
    var i = scalars.startIndex
    let entities = [
      "&amp;": "&", "&nbsp;": " ", "&quot;": "\"", "&#39;": "'", "&lt;": "<", "&gt;": ">", "&rsquo;": "’",
      "&ldquo;": "“", "&rdquo;": "”", "&copy;": "©", "&#8217;": "’", "&#8220;": "“", "&#8221;": "”",
    ]
    while i < scalars.endIndex && out.unicodeScalars.count < count {
      if scalars[i] == "<" {  // a tag inside the word: skip it
        while i < scalars.endIndex && scalars[i] != ">" { i += 1 }
        i += 1
        continue
      }
      if scalars[i] == "&",
        let (entity, value) = entities.first(where: { entity, _ in
          String(String.UnicodeScalarView(scalars[i..<min(scalars.endIndex, i + entity.unicodeScalars.count)])) == entity
        })
      {
        out += value
        i += entity.unicodeScalars.count
        continue
      }
      out.unicodeScalars.append(scalars[i])
      i += 1
    }
    return out
  }

  @Test("Every clause starts where the source says", arguments: pages)
  func clauseStarts(page: String) throws {
    let url = TestSupport.corpus.appendingPathComponent("opp115/original/\(page)")
    let bytes = try [UInt8](Data(contentsOf: url))
    let doc = try DocumentIngester().ingest(InputSource(name: page, bytes: bytes))
    let source = String(
      decoding: TextDecoding.decode(bytes, declaredCharset: CharsetSniffer.declaredCharset(bytes)).utf8, as: UTF8.self)
    var lines: [[Unicode.Scalar]] = [[]]
    var previous: Unicode.Scalar?
    for scalar in source.unicodeScalars {
      if scalar == "\n" && previous == "\r" {
        previous = scalar
        continue
      }
      if scalar == "\n" || scalar == "\r" { lines.append([]) } else { lines[lines.count - 1].append(scalar) }
      previous = scalar
    }
    let clauses = ClauseSegmenter().clauses(in: doc)
    #expect(clauses.count > 20)
    var wrong: [String] = []
    for clause in clauses {
      let span = doc.span(of: clause.range)
      let first = doc.text(in: clause.range).split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
      let line = lines[span.start.line - 1]
      let at = decodedPrefix(line[(span.start.column - 1)...], count: first.unicodeScalars.count)
      // A word glued across tags ("News<a>Video") reads as one word in the text.
      if !at.hasPrefix(first) && !first.hasPrefix(at) {
        wrong.append("\(span.start.line):\(span.start.column) '\(first)' vs '\(at)'")
      }
    }
    #expect(wrong.isEmpty, "\(wrong.count) of \(clauses.count) clauses misplaced, e.g. \(wrong.prefix(3))")
  }
}
