import ArgumentParser
import FinePrintKit

/// How inputs are read: the format to assume and the limits. Shared by every subcommand that
/// reads documents, whether it takes many (`InputOptions`) or names one or two itself. Each
/// limit given here wins over `limits:` in the configuration in force, which wins over the default.
struct ReadOptions: ParsableArguments {
  @Option(name: .customLong("as"), help: "Parse every input as this format (text, html, xml, docx) instead of guessing.")
  var declaredFormat: DocumentFormat?

  @Option(
    help: ArgumentHelp(
      "Refuse inputs larger than this many megabytes: files, URLs once inflated, each part of a .docx unpacked (\(Limits.maxSizeMegabytes.lowerBound) to \(Limits.maxSizeMegabytes.upperBound); default \(Limits.standard.maxBytes / 1_048_576), or max_size in .fineprint.yml).",
      valueName: "megabytes"))
  var maxSize: Int?

  @Option(
    help: ArgumentHelp(
      "Refuse HTML, XML and .docx whose elements nest deeper than this (\(Limits.maxDepthRange.lowerBound) to \(Limits.maxDepthRange.upperBound); default \(Limits.standard.maxDepth), or max_depth in .fineprint.yml).",
      valueName: "elements"))
  var maxDepth: Int?

  @Option(
    help: ArgumentHelp(
      "Cut longer clauses into pieces of at most this many bytes, with a warning (\(Limits.maxClauseBytesRange.lowerBound) to \(Limits.maxClauseBytesRange.upperBound); default \(Limits.standard.maxClauseBytes), or max_clause_bytes in .fineprint.yml).",
      valueName: "bytes"))
  var maxClauseBytes: Int?

  @Option(
    help: ArgumentHelp(
      "Give up on a document, with an error, after this many seconds from parsing to findings (\(Limits.timeoutRange.lowerBound) to \(Limits.timeoutRange.upperBound); default \(Limits.standard.timeoutSeconds), or timeout in .fineprint.yml).",
      valueName: "seconds"))
  var timeout: Int?

  @Option(
    help:
      "The file name standard input stands for (-): findings name it, its extension picks the format, and its folder's .fineprint.yml applies."
  )
  var stdinFilename: String?

  /// The name an input is reported and configured by: `--stdin-filename` for `-`.
  func name(of path: String) -> String { path == "-" ? stdinFilename ?? path : path }

  /// The limits these options set; nil where they say nothing.
  var settings: Limits.Settings {
    Limits.Settings(maxSizeMegabytes: maxSize, maxDepth: maxDepth, maxClauseBytes: maxClauseBytes, timeoutSeconds: timeout)
  }

  /// The limits for inputs a configuration governs: these options over its `limits:`.
  func limits(under configuration: Configuration) -> Limits {
    Limits.standard.applying(configuration.limits).applying(settings)
  }

  func validate() throws {
    // Checked before any arithmetic: `--max-size 99999999999999999999` trapped when counted in bytes.
    let checks: [(String, Int?, ClosedRange<Int>, String)] = [
      ("--max-size", maxSize, Limits.maxSizeMegabytes, "megabytes"),
      ("--max-depth", maxDepth, Limits.maxDepthRange, "nested elements"),
      ("--max-clause-bytes", maxClauseBytes, Limits.maxClauseBytesRange, "bytes"),
      ("--timeout", timeout, Limits.timeoutRange, "seconds"),
    ]
    for (option, value, range, unit) in checks {
      if let value, !range.contains(value) {
        throw ValidationError(
          "\(option) must be a number of \(unit) from \(range.lowerBound) to \(range.upperBound), not \(value)")
      }
    }
  }

  /// Finds the documents an argument names (a file, a folder's documents, a URL, `-`).
  var collector: InputCollector { InputCollector.commandLine() }

  /// Reads one input (a file, a URL or `-`) as the named, declared source, within `limits`.
  /// - Throws: `IngestError`, naming the input.
  func source(at path: String, limits: Limits) throws -> InputSource {
    var source = try InputCollector.commandLine(maxBytes: limits.maxBytes).read(path)
    source.name = name(of: source.name)
    if let declaredFormat { source.declaredFormat = declaredFormat }
    return source
  }

  /// Reads and parses one input (a file, a URL or `-`); its warnings are the caller's to print.
  /// - Throws: `IngestError`, naming the input.
  func document(at path: String, limits: Limits) throws -> Document {
    try DocumentIngester(limits: limits).ingest(try source(at: path, limits: limits))
  }

  /// `document(at:limits:)` for a command that needs this one input, with the deadline of its
  /// time budget (which runs from the end of reading): warnings are printed, and an error is
  /// printed and ends the command with exit status 2.
  func requiredDocumentAndDeadline(at path: String, limits: Limits) throws -> (Document, ContinuousClock.Instant) {
    do {
      let source = try source(at: path, limits: limits)
      let deadline = limits.deadline()
      let document = try DocumentIngester(limits: limits).ingest(consume source)
      document.warnings.forEach(Console.warning)
      return (document, deadline)
    } catch {
      Console.error(error)
      throw ExitCode(2)
    }
  }
}

/// The documents to read, shared by every subcommand that reads many.
struct InputOptions: ParsableArguments {
  @Argument(help: "Files, directories (searched for \(DocumentFormat.extensionList)) or - for standard input.")
  var paths: [String]

  @OptionGroup var reading: ReadOptions
}

extension DocumentFormat: ExpressibleByArgument {}
