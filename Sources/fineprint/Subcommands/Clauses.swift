import ArgumentParser
import Foundation
import FinePrintKit

/// `fineprint clauses`: shows how FinePrint splits documents into clauses.
struct Clauses: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Print the clauses FinePrint finds in documents.")

  enum Format: String, ExpressibleByArgument { case text, jsonl }

  @OptionGroup var input: InputOptions

  @Option(help: "Output format: text or jsonl (one JSON object per clause).")
  var format: Format = .text

  func run() throws {
    var loader = DocumentLoader(options: input)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    try loader.forEachDocument { document in
      for clause in ClauseSegmenter().clauses(in: document) {
        let record = ClauseRecord(clause: clause, in: document)
        switch format {
        case .jsonl:
          Console.out(String(decoding: try encoder.encode(record), as: UTF8.self))
        case .text:
          let path = record.headings.isEmpty ? "" : " [" + record.headings.joined(separator: " › ") + "]"
          Console.out("\(record.file):\(record.line):\(record.column): \(record.kind)\(path): \(ClauseSegmenter.collapsed(record.text))")
        }
      }
    }
    if loader.failures > 0 { throw ExitCode(2) }
  }
}
