import FinePrintKit

/// Reads and ingests the documents named on the command line, reporting each failure on
/// standard error and going on with the next file, as linters do.
struct DocumentLoader {
  let options: InputOptions
  private(set) var failures = 0

  init(options: InputOptions) {
    self.options = options
  }

  /// Calls `body` with each document that could be read, in the order given.
  mutating func forEachDocument(_ body: (Document) throws -> Void) throws {
    // Each argument is expanded on its own, so a missing file does not stop the others.
    var paths: [String] = []
    for argument in options.paths {
      do {
        paths += try options.collector.expand([argument])
      } catch {
        Console.error(error)
        failures += 1
      }
    }
    for path in paths {
      do {
        var source = try options.collector.read(path)
        source.declaredFormat = options.declaredFormat
        let document = try DocumentIngester().ingest(source)
        for warning in document.warnings { Console.warning(warning) }
        try body(document)
      } catch let error as IngestError {
        Console.error(error)
        failures += 1
      }
    }
  }
}
