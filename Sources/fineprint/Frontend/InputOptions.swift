import ArgumentParser
import FinePrintKit

/// How inputs are read: the format to assume and the size limit. Shared by every subcommand
/// that reads documents, whether it takes many (`InputOptions`) or names one or two itself.
struct ReadOptions: ParsableArguments {
  @Option(name: .customLong("as"), help: "Parse every input as this format (text, html, xml, docx) instead of guessing.")
  var declaredFormat: DocumentFormat?

  @Option(help: "Refuse inputs larger than this many megabytes (1 to \(ReadOptions.largestMaxSize)).")
  var maxSize: Int = 100

  @Option(help: "The file name standard input stands for (-): findings name it, its extension picks the format, and its folder's .fineprint.yml applies.")
  var stdinFilename: String?

  /// The name an input is reported and configured by: `--stdin-filename` for `-`.
  func name(of path: String) -> String { path == "-" ? stdinFilename ?? path : path }

  /// The largest `--max-size`: libxml2 reads at most 2 GB, and a larger number would overflow
  /// when counted in bytes (`--max-size 9999999999999` trapped).
  static let largestMaxSize = 2047

  func validate() throws {
    guard (1...Self.largestMaxSize).contains(maxSize) else {
      throw ValidationError("--max-size must be a number of megabytes from 1 to \(Self.largestMaxSize), not \(maxSize)")
    }
  }

  var collector: InputCollector { InputCollector(maxBytes: maxSize * 1_048_576) }
  /// Parses what the collector read, with the same size limit for what a `.docx` unpacks to.
  var ingester: DocumentIngester { DocumentIngester(maxBytes: maxSize * 1_048_576) }

  /// Reads and parses one input (a file, a URL or `-`); its warnings are the caller's to print.
  /// - Throws: `IngestError`, naming the input.
  func document(at path: String) throws -> Document {
    var source = try collector.read(path)
    source.name = name(of: source.name)
    if let declaredFormat { source.declaredFormat = declaredFormat }
    return try ingester.ingest(source)
  }

  /// `document(at:)` for a command that needs this one input: warnings are printed, and an
  /// error is printed and ends the command with exit status 2.
  func requiredDocument(at path: String) throws -> Document {
    do {
      let document = try document(at: path)
      document.warnings.forEach(Console.warning)
      return document
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
