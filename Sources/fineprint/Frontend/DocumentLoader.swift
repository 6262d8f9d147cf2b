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
  /// The limits each input is read and linted within: the command line's over the
  /// configuration in force for it (`lint` sets each input's own).
  var limits: @Sendable (String) -> Limits

  init(options: InputOptions, configuration: Configuration = Configuration()) {
    self.options = options
    let limits = options.reading.limits(under: configuration)
    self.limits = { _ in limits }
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
  /// the order the inputs were given (errors and warnings are printed in that order too). A
  /// document that fails (unreadable, past a limit, past its time budget) is an error for it
  /// alone; the others go on.
  /// - Parameter transform: gets the path, the document and the deadline of its time budget,
  ///   which runs from the end of reading (reading has its own timeouts) to the findings.
  mutating func mapDocuments<T: Sendable>(
    paths: [String], _ transform: @escaping @Sendable (String, consuming Document, ContinuousClock.Instant) throws -> T
  ) -> [T] {
    let reading = options.reading
    let limitsOf = limits
    let results = OrderedResults<Result<(T, [String]), LoadFailure>>(count: paths.count)
    let progress = ProgressBar(total: paths.count, enabled: Console.quiet ? false : nil) {
      FileHandle.standardError.write(Data($0.utf8))
    }
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      defer { progress.advance() }
      do {
        let limits = limitsOf(paths[index])
        let source = try reading.source(at: paths[index], limits: limits)
        let deadline = limits.deadline()
        let document = try DocumentIngester(limits: limits).ingest(consume source)
        // The document goes to `transform` whole (the linter lets its parts go as it is done with them).
        let warnings = document.warnings
        results.set(index, .success((try transform(paths[index], consume document, deadline), warnings)))
      } catch {
        results.set(index, .failure(LoadFailure(error, path: paths[index])))
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

  /// Calls `body` with each document that could be read, in the order given, and the deadline
  /// of its time budget.
  mutating func forEachDocument(_ body: (Document, ContinuousClock.Instant) throws -> Void) throws {
    for path in paths() {
      do {
        let limits = self.limits(path)
        let source = try options.reading.source(at: path, limits: limits)
        let deadline = limits.deadline()
        let document = try DocumentIngester(limits: limits).ingest(consume source)
        for warning in document.warnings { Console.warning(warning) }
        try body(document, deadline)
      } catch let error as IngestError {
        Console.error(error)
        failures += 1
      } catch let error as LintError {
        Console.error(error)
        failures += 1
      }
    }
  }
}

/// Why one input failed, as the one line that says so (any error a document's reading or
/// linting throws, kept as text so that it crosses threads).
struct LoadFailure: Error, LocalizedError, Sendable {
  let message: String

  init(_ error: Error, path: String) {
    if let described = (error as? LocalizedError)?.errorDescription {
      message = described
    } else {
      message = IngestError.unreadable(path: path, reason: "\(error)").errorDescription ?? "\(path): \(error)"
    }
  }

  var errorDescription: String? { message }
}
