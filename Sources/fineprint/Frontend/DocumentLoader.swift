import Dispatch
import Foundation
import FinePrintKit

/// Reads and ingests the documents named on the command line, reporting each failure on
/// standard error and going on with the next file, as linters do.
struct DocumentLoader {
  let options: InputOptions
  private(set) var failures = 0
  /// For a path a configuration ignores, that configuration's file (for the warning about a
  /// file named explicitly); nil for a path to read.
  var skip: (String) -> String? = { _ in nil }
  /// How many paths were left out because a configuration ignores them, and the last
  /// configuration that did.
  private(set) var ignored = 0
  private(set) var ignoredBy: String?

  init(options: InputOptions) {
    self.options = options
  }

  /// The files the arguments name; each argument is expanded on its own, so a missing file
  /// does not stop the others.
  mutating func paths() -> [String] {
    var paths: [String] = []
    for argument in options.paths {
      do {
        for path in try options.reading.collector.expand([argument]) {
          guard let source = skip(path) else {
            paths.append(path)
            continue
          }
          ignored += 1
          ignoredBy = source
          // A file named on the command line and ignored is said: silence would read as "no findings".
          if path == argument { Console.warning("\(argument): not linted: it matches an ignore pattern of \(source)") }
        }
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
    mapDocuments(paths: paths()) { _, document in transform(document) }
  }

  /// `mapDocuments` over paths already expanded (see `paths()`); `transform` gets the path too.
  mutating func mapDocuments<T: Sendable>(paths: [String], _ transform: @escaping @Sendable (String, Document) -> T) -> [T] {
    let reading = options.reading
    let results = OrderedResults<Result<(T, [String]), IngestError>>(count: paths.count)
    let progress = ProgressBar(total: paths.count, enabled: Console.quiet ? false : nil) {
      FileHandle.standardError.write(Data($0.utf8))
    }
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      defer { progress.advance() }
      do {
        let document = try reading.document(at: paths[index])
        results.set(index, .success((transform(paths[index], document), document.warnings)))
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
