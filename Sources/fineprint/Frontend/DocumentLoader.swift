import Dispatch
import Foundation
import FinePrintKit

/// Reads and ingests the documents named on the command line, reporting each failure on
/// standard error and going on with the next file, as linters do.
struct DocumentLoader {
  let options: InputOptions
  private(set) var failures = 0
  /// Paths the configuration ignores.
  var skip: (String) -> Bool = { _ in false }
  /// The configuration file that ignores them, for the warning about a file named explicitly.
  var skipSource = Configuration.fileName
  /// How many paths were left out because the configuration ignores them.
  private(set) var ignored = 0

  init(options: InputOptions) {
    self.options = options
  }

  /// The files the arguments name; each argument is expanded on its own, so a missing file
  /// does not stop the others.
  mutating func paths() -> [String] {
    var paths: [String] = []
    for argument in options.paths {
      do {
        let expanded = try options.reading.collector.expand([argument])
        let kept = expanded.filter { !skip($0) }
        ignored += expanded.count - kept.count
        // A file named on the command line and ignored is said: silence would read as "no findings".
        if expanded == [argument] && kept.isEmpty {
          Console.warning("\(argument): not linted: it matches an ignore pattern of \(skipSource)")
        }
        paths += kept
      } catch {
        Console.error(error)
        failures += 1
      }
    }
    return paths
  }

  /// Reads, ingests and processes every document on all cores, and returns the results in
  /// the order the inputs were given (errors and warnings are printed in that order too).
  mutating func mapDocuments<T: Sendable>(_ transform: @escaping @Sendable (Document) -> T) -> [T] {
    let paths = paths()
    let reading = options.reading
    let results = OrderedResults<Result<(T, [String]), IngestError>>(count: paths.count)
    let progress = ProgressBar(total: paths.count, enabled: Console.quiet ? false : nil)
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      defer { progress.advance() }
      do {
        let document = try reading.document(at: paths[index])
        results.set(index, .success((transform(document), document.warnings)))
      } catch let error as IngestError {
        results.set(index, .failure(error))
      } catch {
        results.set(index, .failure(.unreadable(path: paths[index], reason: "\(error)")))
      }
    }
    progress.finish()
    var out: [T] = []
    for result in results.values {
      switch result {
      case .success(let (value, warnings))?:
        warnings.forEach(Console.warning)
        out.append(value)
      case .failure(let error)?:
        Console.error(error)
        failures += 1
      case nil:
        break
      }
    }
    return out
  }

  /// Calls `body` with each document that could be read, in the order given.
  mutating func forEachDocument(_ body: (Document) throws -> Void) throws {
    for path in paths() {
      do {
        let document = try options.reading.document(at: path)
        for warning in document.warnings { Console.warning(warning) }
        try body(document)
      } catch let error as IngestError {
        Console.error(error)
        failures += 1
      }
    }
  }
}

/// Results filled in from many threads, read back in order.
final class OrderedResults<T>: @unchecked Sendable {
  private var storage: [T?]
  private let lock = NSLock()

  init(count: Int) {
    storage = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ value: T) {
    lock.lock()
    storage[index] = value
    lock.unlock()
  }

  var values: [T?] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
