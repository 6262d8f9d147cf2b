import Foundation
import FinePrintKit

extension FuzzTarget {
  /// Paths a configuration's `ignore` globs are tried on: short, nested, and long enough that a
  /// backtracking glob would take forever.
  static let ignoredPathProbes = [
    "terms.html", "legal/eu/privacy.html", "archive/2024/old.draft.html",
    String(repeating: "a", count: 120) + "/" + String(repeating: "a", count: 120) + ".html",
  ]

  /// The bundled rules, read once per process rather than for every input.
  static let bundledRules: RuleSet = {
    do { return try RuleSet.bundled() } catch { fatalError("the bundled rules do not load: \(error)") }
  }()

  /// A rule file as a user writes one: refused with a located `RuleLoadError`, or loaded,
  /// compiled with the bundled lexicons, and run on its own examples and a few documents.
  static func checkRules(_ bytes: [UInt8], name: String) -> [String] {
    let text = String(decoding: bytes, as: UTF8.self)
    do {
      let set = try RuleSet.parse(files: [(name, text)]).addingLexicons(bundledRules.lexicons)
      let linter = Linter(engine: try RuleEngine(ruleSet: set))
      var problems: [String] = []
      let examples = set.rules.flatMap { $0.flagExamples + $0.passExamples }.prefix(20)
      for (i, example) in examples.enumerated() {
        let source = InputSource(name: "example-\(i).txt", bytes: Array(example.text.utf8), declaredFormat: .plainText)
        if let document = try? DocumentIngester().ingest(source) {
          problems += LintInvariants.violations(of: document, linter: linter)
        }
      }
      return problems
    } catch let error as RuleLoadError {
      return located(error.errorDescription, name: name)
    } catch {
      return ["\(name): refused with \(type(of: error)), not a RuleLoadError: \(error)"]
    }
  }

  /// A `.fineprint.yml`: refused with a located error, or loaded, checked against the bundled
  /// rules, applied to them, and its `ignore` globs tried on a few paths.
  static func checkConfiguration(_ bytes: [UInt8], name: String) -> [String] {
    do {
      let configuration = try Configuration.parse(bytes, path: name)
      let rules = bundledRules
      try configuration.validate(against: rules)
      _ = configuration.apply(to: rules)
      for path in ignoredPathProbes { _ = configuration.ignores(path) }
      return []
    } catch let error as RuleLoadError {
      return located(error.errorDescription, name: name)
    } catch let error as ConfigurationError {
      return located(error.errorDescription, name: name)
    } catch {
      return ["\(name): refused with \(type(of: error)), not a located error: \(error)"]
    }
  }
}
