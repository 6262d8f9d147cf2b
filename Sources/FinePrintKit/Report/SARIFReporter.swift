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
  /// Threads the results are rendered on (the bytes are the same whatever the number).
  public var threads: Int

  public init(
    toolVersion: String = FinePrintVersion.current, maxResults: Int = SARIFReporter.gitHubResultLimit,
    threads: Int = BatchedRendering.defaultThreads
  ) {
    self.toolVersion = toolVersion
    self.maxResults = maxResults
    self.threads = threads
  }

  /// Where a finding stands in a report: its file, and its place among the file's findings
  /// or suppressed findings.
  struct Place: Sendable {
    var file: Int
    var suppressed: Bool
    var index: Int

    func finding(in report: Report) -> Finding {
      suppressed ? report.files[file].suppressed[index] : report.files[file].findings[index]
    }

    /// How it ranks when results are cut: unsuppressed first, then the most severe.
    func rank(in report: Report) -> (unsuppressed: Bool, severity: Severity) {
      suppressed
        ? (report.files[file].suppressed[index].suppression == nil, report.files[file].suppressed[index].severity)
        : (report.files[file].findings[index].suppression == nil, report.files[file].findings[index].severity)
    }
  }

  /// The findings written as results (where they stand in the report, in its order, each file's
  /// findings before its suppressed ones) and how many were left out: protections never, and
  /// beyond `maxResults` the least severe. Places, not findings: copies of every finding (all of
  /// them, then the risks among them) were a large run's peak of memory.
  func selection(_ report: Report) -> (results: [Place], protections: Int, cut: [Severity: Int]) {
    var risks: [Place] = []
    var protections = 0
    for (f, file) in report.files.enumerated() {
      for (suppressed, list) in [(false, file.findings), (true, file.suppressed)] {
        for i in list.indices {
          if list[i].isProtection { protections += 1 } else { risks.append(Place(file: f, suppressed: suppressed, index: i)) }
        }
      }
    }
    guard risks.count > maxResults else { return (risks, protections, [:]) }
    let ranked = risks.indices.sorted { a, b in
      let (x, y) = (risks[a].rank(in: report), risks[b].rank(in: report))
      if x.unsuppressed != y.unsuppressed { return x.unsuppressed }
      if x.severity != y.severity { return x.severity > y.severity }
      return a < b
    }
    let kept = Set(ranked.prefix(max(maxResults, 0)))
    var cut: [Severity: Int] = [:]
    for i in ranked.dropFirst(max(maxResults, 0)) { cut[risks[i].rank(in: report).severity, default: 0] += 1 }
    return (risks.indices.filter(kept.contains).map { risks[$0] }, protections, cut)
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
    let buffer = ReportBuffer()
    try? write(report, to: buffer)
    return buffer.text
  }

  /// Streams the log: the results are rendered on every core and written a batch at a time.
  public func write(_ report: Report, to output: ReportOutput) throws {
    let rules = report.rules.rules
    let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
    let (kept, protections, cut) = selection(report)
    var w = JSONWriter(pretty: true)
    try w.object { w in
      w.key("$schema")
      w.string("https://json.schemastore.org/sarif-2.1.0.json")
      w.key("runs")
      try w.array { w in
        try w.object { w in
          w.key("columnKind")
          w.string("unicodeCodePoints")
          w.key("invocations")
          w.array { w in invocation(cutNote(cut), to: &w) }
          w.key("properties")
          w.object { w in
            w.key("protectionsNotReported")
            w.int(protections)
            w.key("resultLimit")
            w.int(maxResults)
            w.key("resultsNotReported")
            w.int(cut.values.reduce(0, +))
          }
          w.key("results")
          try w.array { w in
            try w.elements(count: kept.count, threads: threads, to: output) { i, w in
              let finding = kept[i].finding(in: report)
              result(finding, ruleIndex: index[finding.rule], to: &w)
            }
          }
          w.key("tool")
          w.object { w in
            w.key("driver")
            w.object { w in
              w.key("informationUri")
              w.string("https://github.com/fineprint/fineprint")
              w.key("name")
              w.string("FinePrint")
              w.key("rules")
              w.array { w in for rule in rules { driverRule(rule, to: &w) } }
              w.key("semanticVersion")
              w.string(toolVersion)
              w.key("version")
              w.string(toolVersion)
            }
          }
        }
      }
      w.key("version")
      w.string("2.1.0")
    }
    try w.flush(to: output)
  }

  /// A rule of the tool's driver: its descriptions, help and references. (Every object's keys
  /// are written in sorted order, as before with `JSONSerialization`'s `.sortedKeys`.)
  private func driverRule(_ rule: RuleDefinition, to w: inout JSONWriter) {
    var help = rule.message
    if !rule.explanation.isEmpty { help += "\n\n" + rule.explanation.trimmingCharacters(in: .whitespacesAndNewlines) }
    if !rule.suggestion.isEmpty { help += "\n\nAsk for instead: " + rule.suggestion }
    if !rule.references.isEmpty { help += "\n\nReferences:\n" + rule.references.map { "- \($0)" }.joined(separator: "\n") }
    w.object { w in
      w.key("defaultConfiguration")
      w.object { w in
        w.key("level")
        w.string(Self.level(rule.severity))
      }
      w.key("fullDescription")
      w.object { w in
        w.key("text")
        w.string(rule.message)
      }
      w.key("help")
      w.object { w in
        w.key("markdown")
        w.string(help)
        w.key("text")
        w.string(help)
      }
      w.key("id")
      w.string(rule.id)
      w.key("name")
      w.string(rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
      w.key("properties")
      w.object { w in
        w.key("category")
        w.string(rule.category)
        w.key("references")
        w.strings(rule.references)
        w.key("tags")
        w.strings([rule.category, Category.named(rule.category)?.polarity.rawValue ?? "risk"])
      }
      w.key("shortDescription")
      w.object { w in
        w.key("text")
        w.string(rule.title)
      }
    }
  }

  /// A finding as a result: where it is, a fingerprint that survives edits elsewhere, and
  /// the justification of an inline suppression.
  private func result(_ f: Finding, ruleIndex: Int?, to w: inout JSONWriter) {
    w.object { w in
      w.key("level")
      w.string(Self.level(f.severity))
      w.key("locations")
      w.array { w in
        w.object { w in
          w.key("physicalLocation")
          w.object { w in
            w.key("artifactLocation")
            w.object { w in
              w.key("uri")
              w.string(Self.uri(f.file))
            }
            w.key("region")
            w.object { w in
              w.key("endColumn")
              w.int(max(f.endColumn, 1))
              w.key("endLine")
              w.int(max(f.endLine, 1))
              w.key("snippet")
              w.object { w in
                w.key("text")
                w.string(f.match)
              }
              w.key("startColumn")
              w.int(max(f.column, 1))
              w.key("startLine")
              w.int(max(f.line, 1))
            }
          }
        }
      }
      w.key("message")
      w.object { w in
        w.key("text")
        w.string(f.message)
      }
      w.key("partialFingerprints")
      w.object { w in
        w.key("fineprintClause/v1")
        w.string(f.fingerprint)
      }
      w.key("properties")
      w.object { w in
        w.key("category")
        w.string(f.category)
        w.key("clause")
        w.string(f.clause)
        w.key("headings")
        w.strings(f.headings)
      }
      w.key("ruleId")
      w.string(f.rule)
      if let ruleIndex {
        w.key("ruleIndex")
        w.int(ruleIndex)
      }
      if let justification = f.suppression {
        w.key("suppressions")
        w.array { w in
          w.object { w in
            w.key("justification")
            w.string(justification)
            w.key("kind")
            w.string("inSource")
          }
        }
      }
    }
  }

  /// The run's invocation, with a notification of what was cut.
  private func invocation(_ note: String?, to w: inout JSONWriter) {
    w.object { w in
      w.key("executionSuccessful")
      w.bool(true)
      if let note {
        w.key("toolExecutionNotifications")
        w.array { w in
          w.object { w in
            w.key("descriptor")
            w.object { w in
              w.key("id")
              w.string("results-cut")
            }
            w.key("level")
            w.string("warning")
            w.key("message")
            w.object { w in
              w.key("text")
              w.string(note)
            }
          }
        }
      }
    }
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

extension SARIFReporter {
  public init(options: ReportOptions) {
    self.init()
  }
}
