import Foundation
import FinePrintKit

/// One fuzz target: a part of FinePrint fed arbitrary bytes. `check` reads the bytes as its
/// input and returns what is wrong, one line each: an invariant of `LintInvariants` broken, or an
/// error that is not the clear, located error bad input must get. An empty list means the input
/// was read (or refused) as it should be; a crash or a hang is libFuzzer's to catch.
///
/// `Fuzz/run` builds these with libFuzzer; the tests replay the reproducers through `check`.
public enum FuzzTarget: String, CaseIterable, Sendable {
  case html, xml, docx, text, segmenter, rules, config, url

  /// The name a fuzzed input is read under, as a user's file would be.
  var fileName: String {
    switch self {
    case .html: "fuzz.html"
    case .xml: "fuzz.xml"
    case .docx: "fuzz.docx"
    case .text, .segmenter: "fuzz.txt"
    case .rules: "fuzz-rules.yml"
    case .config: ".fineprint.yml"
    case .url: "https://example.com/terms"
    }
  }

  public func check(_ bytes: [UInt8]) -> [String] {
    switch self {
    case .html: Self.ingestAndLint(InputSource(name: fileName, bytes: bytes, declaredFormat: .html))
    case .xml: Self.ingestAndLint(InputSource(name: fileName, bytes: bytes, declaredFormat: .xml))
    case .text: Self.ingestAndLint(InputSource(name: fileName, bytes: bytes, declaredFormat: .plainText))
    case .docx: Self.checkDocx(bytes, name: fileName)
    case .segmenter: Self.checkSegmenter(bytes, name: fileName)
    case .rules: Self.checkRules(bytes, name: fileName)
    case .config: Self.checkConfiguration(bytes, name: fileName)
    case .url: Self.checkResponse(bytes, address: fileName)
    }
  }

  /// The bundled rules, compiled once per process.
  static let linter: Linter = {
    do { return try Linter(engine: RuleEngine.bundled()) } catch { fatalError("the bundled rules do not compile: \(error)") }
  }()

  /// Ingests and lints an input; a refusal must be an `IngestError` naming the input on one line.
  static func ingestAndLint(_ source: InputSource, maxBytes: Int = 4 * 1_048_576) -> [String] {
    let document: Document
    do {
      document = try DocumentIngester(maxBytes: maxBytes).ingest(source)
    } catch let error as IngestError {
      return located(error.errorDescription, name: source.name)
    } catch {
      return ["\(source.name): refused with \(type(of: error)), not an IngestError: \(error)"]
    }
    return LintInvariants.violations(of: document, linter: linter)
  }

  /// The problems with an error message: it must name the input first and stay on one line.
  static func located(_ message: String?, name: String) -> [String] {
    guard let message else { return ["\(name): an error without a description"] }
    var problems: [String] = []
    if !message.hasPrefix(name + ":") { problems.append("error does not start with the file name: \(message)") }
    if message.contains("\n") { problems.append("error runs over more than one line: \(message)") }
    return problems
  }
}
