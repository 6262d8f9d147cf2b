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
    let paths: [String]
    do {
      paths = try options.collector.expand(options.paths)
    } catch {
      Console.error(error)
      failures += 1
      return
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
