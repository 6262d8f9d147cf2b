import Foundation

/// `--format codequality`: a GitLab Code Quality report (the subset of Code Climate's issue
/// format GitLab reads), which GitLab shows in the merge request widget and diff: one JSON
/// array of issues with `description`, `check_name`, `fingerprint`, `severity` and `location`
/// (`path`, `lines.begin`, `lines.end`). Protections are not issues and are left out.
public struct CodeQualityReporter: Reporter {
  public static let identifier = "codequality"
  public static let summary = "GitLab Code Quality JSON, for the merge request widget (artifacts:reports:codequality)."

  public init() {}

  struct Issue: Encodable {
    struct Lines: Encodable {
      var begin: Int
      var end: Int
    }
    struct Location: Encodable {
      var path: String
      var lines: Lines
    }
    var type = "issue"
    var description: String
    var check_name: String
    var categories: [String]
    var fingerprint: String
    var severity: String
    var location: Location
  }

  public func render(_ report: Report) -> String {
    // A fingerprint must be unique in the report and stable across runs: the finding's own
    // (rule and clause words), with the file and how many same ones came before it.
    var seen: [String: Int] = [:]
    let issues = report.findings.filter { !$0.isProtection }.map { f -> Issue in
      let path = Self.path(f.file)
      let key = path + "\u{0}" + f.fingerprint
      let occurrence = seen[key, default: 0]
      seen[key] = occurrence + 1
      let words = f.match.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      return Issue(
        // A document-level finding's words are only where it is shown, not what was found.
        description: words.isEmpty || f.documentLevel ? f.message : "\(f.message) — \"\(words)\"",
        check_name: f.rule, categories: ["Bug Risk"],
        fingerprint: Self.hash(key + "\u{0}\(occurrence)"),
        severity: Self.severity(f.severity),
        location: .init(path: path, lines: .init(begin: max(f.line, 1), end: max(f.endLine, f.line, 1))))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(issues)) ?? Data("[]".utf8), as: UTF8.self)
  }

  /// GitLab's severities are info, minor, major, critical and blocker.
  static func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: return "critical"
    case .warning: return "major"
    case .info: return "minor"
    }
  }

  /// A path relative to the repository, as GitLab matches it to the diff.
  static func path(_ file: String) -> String { file.withoutLeadingDotSlash }

  /// 32 hex digits (two 64-bit FNV-1a hashes, over the text and over it reversed).
  static func hash(_ text: String) -> String {
    func fnv(_ bytes: some Sequence<UInt8>) -> String {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
      let hex = String(h, radix: 16)
      return String(repeating: "0", count: 16 - hex.count) + hex
    }
    let bytes = Array(text.utf8)
    return fnv(bytes) + fnv(bytes.reversed())
  }
}

extension CodeQualityReporter {
  public init(options: ReportOptions) {
    self.init()
  }
}
