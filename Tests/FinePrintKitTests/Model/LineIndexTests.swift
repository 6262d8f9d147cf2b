import Testing
@testable import FinePrintKit

@Suite("Line index")
struct LineIndexTests {
  /// Line and column by walking the text from its start: the definition the index must keep.
  static func naive(_ bytes: [UInt8], _ offset: Int) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var i = 0
    while i < offset {
      let b = bytes[i]
      if b == 0x0A || (b == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A && i + 1 < offset)) {
        if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A {
          // "\r\n" with the offset between them: still on the line of the "\r".
          column += 1
        } else {
          line += 1
          column = 1
        }
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
      i += 1
    }
    return (line, column)
  }

  @Test("Columns count code points on long lines of mixed text, across CRLF and lone CR breaks")
  func longNonASCIILines() {
    var text = ""
    for k in 0..<400 {
      text += k % 7 == 0 ? "Café – naïve “terms” 中文 😀 " : "plain words here "
      if k % 97 == 0 { text += "\r\n" }
      if k % 151 == 0 { text += "\r" }
      if k % 211 == 0 { text += "\n" }
    }
    let bytes = Array(text.utf8)
    let index = LineIndex(source: bytes)
    var offset = 0
    while offset <= bytes.count {
      if offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
        let location = index.location(ofOffset: offset)
        let expected = Self.naive(bytes, offset)
        #expect(location.line == expected.line && location.column == expected.column, "offset \(offset)")
      }
      offset += 1
    }
  }

  @Test("Random texts: long ASCII runs read eight bytes at a time agree with the walk, whatever the breaks", arguments: 0..<6)
  func randomTexts(seed: Int) {
    var random = SplitMix(seed: UInt64(seed) + 11)
    let pieces = ["a", "plain words ", String(repeating: "x", count: 37), "\r", "\n", "\r\n", "é", "中", "😀", "\r\r\n\n"]
    var text = ""
    for _ in 0..<(300 + seed * 200) { text += pieces[Int.random(in: 0..<pieces.count, using: &random)] }
    let bytes = Array(text.utf8)
    let index = LineIndex(source: bytes)
    for offset in 0...bytes.count where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
      let location = index.location(ofOffset: offset)
      let expected = Self.naive(bytes, offset)
      #expect(location.line == expected.line && location.column == expected.column, "offset \(offset)")
    }
  }
}
