import ArgumentParser
import FinePrintKit

/// The documents to read, shared by every subcommand that reads documents.
struct InputOptions: ParsableArguments {
  @Argument(help: "Files, directories (searched for .html, .htm, .xhtml, .xml, .txt, .md, .docx) or - for standard input.")
  var paths: [String]

  @Option(name: .customLong("as"), help: "Parse every input as this format (text, html, xml, docx) instead of guessing.")
  var declaredFormat: DocumentFormat?

  @Option(help: "Refuse inputs larger than this many megabytes.")
  var maxSize: Int = 100

  var collector: InputCollector { InputCollector(maxBytes: maxSize * 1_048_576) }
  /// Parses what the collector read, with the same size limit for what a `.docx` unpacks to.
  var ingester: DocumentIngester { DocumentIngester(maxBytes: maxSize * 1_048_576) }
}

extension DocumentFormat: ExpressibleByArgument {}
