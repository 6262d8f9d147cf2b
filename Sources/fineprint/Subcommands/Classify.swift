import ArgumentParser
import Foundation
import FinePrintKit

/// `fineprint classify`: JSON Lines in (`{"id", "text"}`), JSON Lines out
/// (`{"id", "categories", "findings"}`), one line per input, in order. Each text is one passage:
/// segmented and matched, without document-level rules.
struct Classify: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "classify",
    abstract: "Classify passages given as JSON Lines ({\"id\", \"text\"}); print their categories as JSON Lines.")

  @Argument(help: "A JSON Lines file, or - (the default) for standard input.")
  var file: String = "-"

  @OptionGroup var rules: RuleOptions

  func run() throws {
    let linter = try rules.linter(for: [file])
    let data: [UInt8]
    do {
      // Read with the input limit: standard input closed, a FIFO or a device are errors, not a crash or a hang.
      data = try InputCollector.commandLine().read(file).bytes
    } catch {
      Console.error(error)
      throw ExitCode(2)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var out = ""
    for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty
    {
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let text = object["text"] as? String
      else {
        Console.error(ValidationError("\(file):\(number + 1): expected a JSON object with a string \"text\""))
        throw ExitCode(2)
      }
      let id = object["id"].map { "\($0)" } ?? String(number + 1)
      let record = ClassificationRecord(id: id, findings: linter.classify(text, name: "\(file):\(number + 1)"))
      out += String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
      if out.utf8.count > 1 << 16 {
        Console.write(out)
        out = ""
      }
    }
    Console.write(out)
  }
}
