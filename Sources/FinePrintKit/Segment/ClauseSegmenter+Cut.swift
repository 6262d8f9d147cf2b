extension ClauseSegmenter {
  /// Appends to `out` `clause` as it is when it fits in `maxClauseBytes`, else cut into pieces
  /// of at most that many bytes, each ending at the last white space in its second half (which
  /// no piece holds), or else at the last character boundary that fits. Each piece keeps the
  /// clause's headings and lead-in and records the whole clause in `cutFrom`; the pieces after
  /// the first are sentences. It appends rather than returns: a document's clauses are gathered
  /// on one thread, and an array for each clause, nearly always of one, was made and freed there.
  /// - Complexity: O(n) in the clause's length.
  func cut(_ clause: Clause, bytes: [UInt8], into out: inout [Clause]) {
    let limit = max(maxClauseBytes, 8)
    guard clause.range.count > limit else { return out.append(clause) }
    var pieces: [Clause] = []
    var start = clause.range.lowerBound
    let end = clause.range.upperBound
    while start < end {
      var stop = min(start + limit, end)
      if stop < end {
        let half = start + limit / 2
        if let space = (half...stop).last(where: { Self.isBreak(bytes[$0]) }) {
          stop = space
        } else {
          // Not inside a UTF-8 sequence: back up over continuation bytes.
          while stop > start + 1 && bytes[stop] & 0xC0 == 0x80 { stop -= 1 }
        }
      }
      var piece = clause
      piece.range = start..<stop
      piece.cutFrom = clause.range
      if !pieces.isEmpty && piece.kind == .listItem { piece.kind = .sentence }
      pieces.append(piece)
      start = stop
      while start < end && Self.isBreak(bytes[start]) { start += 1 }
    }
    // A piece of nothing but the white space after a cut is no clause; the last one may end early.
    if let last = pieces.last, pieces.count > 1, last.range.isEmpty { pieces.removeLast() }
    out += pieces
  }

  private static func isBreak(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

  /// One warning for each clause that was cut into pieces, naming the file, line and column
  /// where it starts.
  public static func cutWarnings(_ clauses: [Clause], in document: Document, limit: Int) -> [String] {
    var pieceCounts: [Range<Int>: Int] = [:]
    var wholes: [Range<Int>] = []
    for clause in clauses {
      guard let whole = clause.cutFrom else { continue }
      if pieceCounts[whole] == nil { wholes.append(whole) }
      pieceCounts[whole, default: 0] += 1
    }
    return wholes.map { whole in
      let start = document.span(of: whole).start
      let pieces = pieceCounts[whole] ?? 0
      return "\(document.path):\(start.line):\(start.column): a clause of \(whole.count) bytes was cut into \(pieces) pieces "
        + "of at most \(limit) bytes, so a term worded across a cut may be missed "
        + "(\(Limits.howToRaise("max-clause-bytes")))"
    }
  }
}
