import Foundation

/// Findings recorded as known, so CI reports only new ones. A finding is matched by its rule
/// and the fingerprint of its clause's words — not by line number — so re-published or reflowed
/// terms do not bring old findings back.
public struct Baseline: Codable, Sendable, Equatable {
  public struct Entry: Codable, Sendable, Hashable {
    public var rule: String
    public var fingerprint: String
    /// For people reading the file: where it was and what it said.
    public var file: String
    public var match: String
  }

  public var version = 1
  public var entries: [Entry]

  public init(findings: [Finding]) {
    var seen: Set<String> = []
    entries = findings.compactMap { f in
      let key = f.rule + "|" + f.fingerprint
      guard seen.insert(key).inserted else { return nil }
      return Entry(rule: f.rule, fingerprint: f.fingerprint, file: f.file, match: f.match)
    }
  }

  /// Findings not in the baseline.
  public func newFindings(_ findings: [Finding]) -> [Finding] {
    let known = Set(entries.map { $0.rule + "|" + $0.fingerprint })
    return findings.filter { !known.contains($0.rule + "|" + $0.fingerprint) }
  }

  /// Reads a baseline file; the error names the file and says what is wrong.
  public static func load(path: String) throws -> Baseline {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw IngestError.fileNotFound(path: path)
    }
    do {
      let baseline = try JSONDecoder().decode(Baseline.self, from: data)
      guard baseline.version == 1 else {
        throw IngestError.malformed(
          path: path, line: 1, column: 1, reason: "baseline version \(baseline.version) is newer than this fineprint understands")
      }
      return baseline
    } catch let error as IngestError {
      throw error
    } catch {
      throw IngestError.malformed(
        path: path, line: 1, column: 1, reason: "not a FinePrint baseline (\(error.localizedDescription))")
    }
  }

  public func write(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    try encoder.encode(self).write(to: URL(fileURLWithPath: path))
  }
}
