/// Maps every byte of a document's visible text back to the bytes of the original file it came
/// from, so that a finding in the text can point at the exact line and column of the source.
///
/// The text is built from runs. A *verbatim* run was copied byte for byte from the source. A
/// *replaced* run stands for a different source span: an entity (`&amp;` → `&`), a collapsed
/// run of HTML white space, a decoded CRLF. Text that came from nowhere (a space inserted
/// between two blocks) maps to the end of the run before it.
public struct SourceMap: Sendable {
  /// One run of text and the source bytes it came from.
  public struct Run: Sendable, Hashable {
    public var textStart: Int
    public var textLength: Int
    public var sourceStart: Int
    public var sourceEnd: Int
    /// True when the text bytes equal the source bytes, so offsets inside map one to one.
    public var isVerbatim: Bool
  }

  public private(set) var runs: [Run] = []

  public init() {}

  /// Records that `textLength` bytes of text, starting at `textStart`, were copied from the
  /// source starting at `sourceStart`. Adjacent verbatim runs are merged.
  public mutating func appendVerbatim(textStart: Int, sourceStart: Int, length: Int) {
    guard length > 0 else { return }
    if var last = runs.last, last.isVerbatim, last.textStart + last.textLength == textStart,
      last.sourceEnd == sourceStart
    {
      last.textLength += length
      last.sourceEnd += length
      runs[runs.count - 1] = last
      return
    }
    runs.append(
      Run(
        textStart: textStart, textLength: length, sourceStart: sourceStart,
        sourceEnd: sourceStart + length, isVerbatim: true))
  }

  /// Records that `textLength` bytes of text stand for the source bytes `source`.
  public mutating func appendReplaced(textStart: Int, textLength: Int, source: Range<Int>) {
    guard textLength > 0 else { return }
    runs.append(
      Run(
        textStart: textStart, textLength: textLength, sourceStart: source.lowerBound,
        sourceEnd: source.upperBound, isVerbatim: false))
  }

  /// The index of the last run starting at or before `textOffset`, or nil before the first run.
  private func runIndex(containing textOffset: Int) -> Int? {
    var low = 0
    var high = runs.count - 1
    var found: Int?
    while low <= high {
      let mid = (low + high) / 2
      if runs[mid].textStart <= textOffset {
        found = mid
        low = mid + 1
      } else {
        high = mid - 1
      }
    }
    return found
  }

  /// The source offset where the text byte at `textOffset` starts.
  public func sourceStart(ofText textOffset: Int) -> Int {
    guard let index = runIndex(containing: textOffset) else { return runs.first?.sourceStart ?? 0 }
    let run = runs[index]
    let delta = textOffset - run.textStart
    if delta >= run.textLength { return run.sourceEnd }
    return run.isVerbatim ? run.sourceStart + delta : run.sourceStart
  }

  /// The source offset just past the text that ends (exclusively) at `textEnd`.
  public func sourceEnd(ofText textEnd: Int) -> Int {
    guard textEnd > 0, let index = runIndex(containing: textEnd - 1) else {
      return runs.first?.sourceStart ?? 0
    }
    let run = runs[index]
    let delta = textEnd - run.textStart
    if delta >= run.textLength { return run.sourceEnd }
    return run.isVerbatim ? run.sourceStart + delta : run.sourceEnd
  }

  /// The source byte range that the text range came from.
  public func sourceRange(ofText range: Range<Int>) -> Range<Int> {
    let start = sourceStart(ofText: range.lowerBound)
    let end = range.isEmpty ? start : sourceEnd(ofText: range.upperBound)
    return start..<max(start, end)
  }
}
