/// Splits a document's blocks into clauses. (Minimal version: one clause per sentence, split
/// at `. ` followed by a capital; the full segmenter replaces it.)
public struct ClauseSegmenter: Sendable {
  public init() {}

  public func clauses(in document: Document) -> [Clause] {
    var out: [Clause] = []
    var headings: [String] = []
    let b = document.bytes
    for (index, block) in document.blocks.enumerated() {
      if block.kind == .heading {
        headings = [document.text(in: block.range)]
        out.append(Clause(kind: .heading, range: block.range, headings: [], blockIndex: index))
        continue
      }
      var start = block.range.lowerBound
      var i = start
      while i < block.range.upperBound {
        if (b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "?") || b[i] == UInt8(ascii: "!")),
          i + 2 < block.range.upperBound, b[i + 1] == 0x20, b[i + 2] >= 0x41, b[i + 2] <= 0x5A
        {
          out.append(Clause(kind: .sentence, range: start..<(i + 1), headings: headings, blockIndex: index))
          start = i + 2
          i = start
          continue
        }
        i += 1
      }
      if start < block.range.upperBound {
        out.append(Clause(kind: .sentence, range: start..<block.range.upperBound, headings: headings, blockIndex: index))
      }
    }
    return out
  }
}
