import Dispatch

/// Work over a long list (a large document's clauses) on several threads: the list is cut
/// into contiguous ranges, each range is one task, and the results come back in the ranges'
/// order, so what a document yields never depends on how many threads ran it.
enum ParallelChunks {
  /// `body` of each range of `0..<count`, in order. Runs on the calling thread alone when
  /// `threads` is 1 or the list is shorter than two chunks of `minimumChunk`.
  /// - Parameter chunksPerThread: how many ranges a thread takes, as it comes free: more when
  ///   ranges differ in cost (a lint's clauses), so that the threads finish together.
  static func map<T: Sendable>(
    count: Int, threads: Int, minimumChunk: Int, chunksPerThread: Int = 4,
    _ body: @Sendable (Range<Int>) -> T
  ) -> [T] {
    // A few chunks a thread, so that one slow range (a long clause) does not hold the rest up.
    let chunks = min(max(threads, 1) * max(chunksPerThread, 1), count / max(minimumChunk, 1))
    guard threads > 1, chunks > 1 else { return [body(0..<count)] }
    let results = OrderedResults<T>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      results.set(chunk, body(chunk * count / chunks..<(chunk + 1) * count / chunks))
    }
    return results.values.map { $0! }
  }

  /// `a()` and `b()`, on two threads at once when `concurrently` (two passes over a large
  /// input that do not depend on each other).
  static func both<A: Sendable, B: Sendable>(concurrently: Bool, _ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    guard concurrently else { return (a(), b()) }
    let first = OrderedResults<A>(count: 1)
    let second = OrderedResults<B>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { k in
      if k == 0 { first.set(0, a()) } else { second.set(0, b()) }
    }
    return (first.values[0]!, second.values[0]!)
  }
}
