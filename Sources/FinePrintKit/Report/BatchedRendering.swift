import Foundation

/// Renders a long list (a large report's findings) on several threads and writes it in order,
/// a batch at a time, so that neither one thread's speed nor the whole rendering in memory
/// bounds a large report.
public enum BatchedRendering {
  /// Elements rendered before their bytes are written: enough for every thread to have long
  /// ranges, few enough that a batch stays a few megabytes.
  static let batch = 4096

  /// Writes `render(range)` of every range of `0..<count` to `output`, in order; ranges of a
  /// batch are rendered at once on `threads` threads.
  static func write(
    count: Int, threads: Int, to output: ReportOutput,
    _ render: @escaping @Sendable (Range<Int>) -> [UInt8]
  ) throws {
    var start = 0
    while start < count {
      let end = min(start + batch, count)
      let base = start
      let pieces = ParallelChunks.map(count: end - start, threads: threads, minimumChunk: 64) { range in
        render(base + range.lowerBound..<base + range.upperBound)
      }
      for piece in pieces { try output.write(piece) }
      start = end
    }
  }

  /// The threads a reporter renders on, unless told.
  public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }
}
