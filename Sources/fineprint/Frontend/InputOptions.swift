import ArgumentParser
import FinePrintKit

/// The documents to read, shared by every subcommand that reads documents.
struct InputOptions: ParsableArguments {
  @Argument(help: "Files, directories (searched for .html, .htm, .xhtml, .xml, .txt, .md) or - for standard input.")
  var paths: [String]

  @Option(name: .customLong("as"), help: "Parse every input as this format (text, html, xml) instead of guessing.")
  var declaredFormat: DocumentFormat?

  @Option(help: "Refuse inputs larger than this many megabytes.")
  var maxSize: Int = 100

  var collector: InputCollector { InputCollector(maxBytes: maxSize * 1_048_576) }
}

extension DocumentFormat: ExpressibleByArgument {}
