import Foundation

/// `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other CI dashboards read it —
/// rules with descriptions, help and references; results with physical locations (lines, and
/// columns in Unicode code points) and `partialFingerprints` that stay stable across runs.
public struct SARIFReporter: Reporter {
  public static let identifier = "sarif"
  public static let summary = "SARIF 2.1.0 for GitHub code scanning and other dashboards."

  /// The version reported as the tool's.
  public var toolVersion: String

  public init(toolVersion: String = FinePrintVersion.current) {
    self.toolVersion = toolVersion
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
    let all = report.files.flatMap { $0.findings + $0.suppressed }
    let results: [[String: Any]] = all.map { f in
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
    var p = path
    while p.hasPrefix("./") { p.removeFirst(2) }
    return p.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? p
  }
}
