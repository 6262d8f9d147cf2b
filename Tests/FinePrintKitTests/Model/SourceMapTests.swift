import Testing
@testable import FinePrintKit

@Suite("Source map and line index")
struct SourceMapTests {
  @Test("Columns count code points, not bytes")
  func columnsCountCodePoints() {
    let source = Array("😀 é\r\nsecond line\rthird".utf8)
    let index = LineIndex(source: source)
    #expect(index.lineCount == 3)
    let e = source.firstIndex(of: 0xC3)!
    #expect(index.location(ofOffset: e) == SourceLocation(line: 1, column: 3, offset: e))
    let s = source.firstIndex(of: UInt8(ascii: "s"))!
    #expect(index.location(ofOffset: s).line == 2)
    #expect(index.location(ofOffset: source.count - 1).line == 3)
  }

  @Test("Replaced runs map to their whole source span; verbatim runs byte for byte")
  func replacedRuns() {
    // text "a & b" from source "<p>a &amp; b</p>"
    var map = SourceMap()
    map.appendVerbatim(textStart: 0, sourceStart: 3, length: 2)
    map.appendReplaced(textStart: 2, textLength: 1, source: 5..<10)
    map.appendVerbatim(textStart: 3, sourceStart: 10, length: 2)
    #expect(map.sourceRange(ofText: 0..<1) == 3..<4)
    #expect(map.sourceRange(ofText: 2..<3) == 5..<10)
    #expect(map.sourceRange(ofText: 0..<5) == 3..<12)
    #expect(map.sourceRange(ofText: 4..<5) == 11..<12)
  }
}
