import ArgumentParser
import Foundation
import FinePrintKit

/// `fineprint clauses`: shows how FinePrint splits documents into clauses.
struct Clauses: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clauses", abstract: "Print the clauses FinePrint finds in documents.")

  enum Format: String, ExpressibleByArgument { case text, jsonl }

  @OptionGroup var input: InputOptions

  @Option(help: "Output format: text or jsonl (one JSON object per clause).")
  var format: Format = .text

  func run() throws {
    // The limits of the configuration nearest the first input, as the other commands read it.
    let first = input.paths.first.map(input.reading.name(of:)) ?? "-"
    var configuration = Configuration()
    if let path = Configuration.find(from: ConfigurationResolver.directory(of: first)) {
      do { configuration = try Configuration.load(path: path) } catch {
        Console.error(error)
        throw ExitCode(2)
      }
    }
    let limits = input.reading.limits(under: configuration)
    var loader = DocumentLoader(options: input, configuration: configuration)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let segmenter = ClauseSegmenter(maxClauseBytes: limits.maxClauseBytes)
    try loader.forEachDocument { document, _ in
      let clauses = segmenter.clauses(in: document)
      ClauseSegmenter.cutWarnings(clauses, in: document, limit: limits.maxClauseBytes).forEach(Console.warning)
      for clause in clauses {
        let record = ClauseRecord(clause: clause, in: document)
        switch format {
        case .jsonl:
          Console.out(String(decoding: try encoder.encode(record), as: UTF8.self))
        case .text:
          let path = record.headings.isEmpty ? "" : " [" + record.headings.joined(separator: " › ") + "]"
          Console.out(
            "\(record.file):\(record.line):\(record.column): \(record.kind)\(path): \(ClauseSegmenter.collapsed(record.text))")
        }
      }
    }
    if loader.failures > 0 { throw ExitCode(2) }
  }
}
