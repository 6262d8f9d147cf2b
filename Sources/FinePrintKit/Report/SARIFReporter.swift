import Foundation

/// `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other CI dashboards read it —
/// rules with descriptions, help and references; results with physical locations (lines, and
/// columns in Unicode code points) and `partialFingerprints` that stay stable across runs.
///
/// Every result is an alert to code scanning, so protections (what the terms promise you) are
/// not results: the run's properties count them. GitHub rejects a run of more than 25,000
/// results, so at most `maxResults` are written, the most severe kept (unsuppressed before
/// suppressed, then error, warning, info, then in document order); what was cut is said in a
/// tool notification of the run's invocation, in the run's properties and on standard error.
public struct SARIFReporter: Reporter {
  public static let identifier = "sarif"
  public static let summary = "SARIF 2.1.0 for GitHub code scanning and other dashboards."

  /// GitHub code scanning's limit of results in one run.
  public static let gitHubResultLimit = 25_000

  /// The version reported as the tool's.
  public var toolVersion: String
  /// The most results written in the run.
  public var maxResults: Int

  public init(toolVersion: String = FinePrintVersion.current, maxResults: Int = SARIFReporter.gitHubResultLimit) {
    self.toolVersion = toolVersion
    self.maxResults = maxResults
  }

  /// The findings written as results and how many were left out: protections never, and
  /// beyond `maxResults` the least severe.
  func selection(_ report: Report) -> (results: [Finding], protections: Int, cut: [Severity: Int]) {
    let all = report.files.flatMap { $0.findings + $0.suppressed }
    let risks = all.filter { !$0.isProtection }
    guard risks.count > maxResults else { return (risks, all.count - risks.count, [:]) }
    let ranked = risks.indices.sorted { a, b in
      let (x, y) = (risks[a], risks[b])
      if (x.suppression == nil) != (y.suppression == nil) { return x.suppression == nil }
      if x.severity != y.severity { return x.severity > y.severity }
      return a < b
    }
    let kept = Set(ranked.prefix(max(maxResults, 0)))
    var cut: [Severity: Int] = [:]
    for i in ranked.dropFirst(max(maxResults, 0)) { cut[risks[i].severity, default: 0] += 1 }
    return (risks.indices.filter(kept.contains).map { risks[$0] }, all.count - risks.count, cut)
  }

  /// What was cut, in a sentence, or nil when every risk is written.
  func cutNote(_ cut: [Severity: Int]) -> String? {
    let total = cut.values.reduce(0, +)
    guard total > 0 else { return nil }
    let parts = Severity.allCases.reversed().compactMap { s in cut[s].map { "\($0) \(s.rawValue)" } }
    return "SARIF: \(total) \(English.plural(total, "finding")) not written (\(parts.joined(separator: ", "))): "
      + "a run holds at most \(maxResults) results (GitHub code scanning rejects more); the most severe were kept. "
      + "Use --format json for every finding, or a baseline to report only new ones."
  }

  public func warnings(for report: Report) -> [String] {
    cutNote(selection(report).cut).map { [$0] } ?? []
  }

  public func render(_ report: Report) -> String {
    let rules = report.rules.rules
    let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
    let driverRules: [[String: Any]] = rules.map { rule in
      var help = rule.message
      if !rule.explanation.isEmpty { help += "\n\n" + rule.explanation.trimmingCharacters(in: .whitespacesAndNewlines) }
      if !rule.suggestion.isEmpty { help += "\n\nAsk for instead: " + rule.suggestion }
      if !rule.references.isEmpty { help += "\n\nReferences:\n" + rule.references.map { "- \($0)" }.joined(separator: "\n") }
      return [
        "id": rule.id,
        "name": rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
        "shortDescription": ["text": rule.title],
        "fullDescription": ["text": rule.message],
        "help": ["text": help, "markdown": help],
        "defaultConfiguration": ["level": Self.level(rule.severity)],
        "properties": [
          "category": rule.category, "tags": [rule.category, Category.named(rule.category)?.polarity.rawValue ?? "risk"],
          "references": rule.references,
        ] as [String: Any],
      ]
    }
    let (kept, protections, cut) = selection(report)
    let results: [[String: Any]] = kept.map { f in
      var result: [String: Any] = [
        "ruleId": f.rule,
        "level": Self.level(f.severity),
        "message": ["text": f.message],
        "locations": [[
          "physicalLocation": [
            "artifactLocation": ["uri": Self.uri(f.file)],
            "region": [
              "startLine": max(f.line, 1), "startColumn": max(f.column, 1),
              "endLine": max(f.endLine, 1), "endColumn": max(f.endColumn, 1),
              "snippet": ["text": f.match],
            ] as [String: Any],
          ] as [String: Any],
        ]],
        "partialFingerprints": ["fineprintClause/v1": f.fingerprint],
        "properties": ["category": f.category, "clause": f.clause, "headings": f.headings] as [String: Any],
      ]
      if let i = index[f.rule] { result["ruleIndex"] = i }
      if let justification = f.suppression {
        result["suppressions"] = [["kind": "inSource", "justification": justification]]
      }
      return result
    }
    var invocation: [String: Any] = ["executionSuccessful": true]
    if let note = cutNote(cut) {
      invocation["toolExecutionNotifications"] = [[
        "level": "warning", "message": ["text": note], "descriptor": ["id": "results-cut"],
      ] as [String: Any]]
    }
    let sarif: [String: Any] = [
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
      "version": "2.1.0",
      "runs": [[
        "tool": ["driver": [
          "name": "FinePrint", "version": toolVersion, "semanticVersion": toolVersion,
          "informationUri": "https://github.com/fineprint/fineprint", "rules": driverRules,
        ] as [String: Any]],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [invocation],
        "properties": [
          "protectionsNotReported": protections,
          "resultsNotReported": cut.values.reduce(0, +),
          "resultLimit": maxResults,
        ],
      ] as [String: Any]],
    ]
    let data = (try? JSONSerialization.data(withJSONObject: sarif, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
      ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .info: return "note"
    }
  }

  /// A relative path as a URI reference (what code scanning maps to files in the repository).
  static func uri(_ path: String) -> String {
    let p = path.withoutLeadingDotSlash
    return p.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? p
  }
}
