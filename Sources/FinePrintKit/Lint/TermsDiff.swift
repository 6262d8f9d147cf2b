/// What changed between two versions of a set of terms, finding by finding: risks and
/// protections added, removed, or kept but reworded. Findings are matched by rule and the words
/// of their clause (the fingerprint), so moving or reflowing text changes nothing.
public struct TermsDiff: Sendable {
  /// A finding whose clause was reworded: the same rule fires in both versions, on other words.
  public struct Reworded: Sendable {
    public var old: Finding
    public var new: Finding
  }

  public var added: [Finding]
  public var removed: [Finding]
  public var reworded: [Reworded]

  public init(old: [Finding], new: [Finding]) {
    let oldKeys = Set(old.map { $0.rule + "|" + $0.fingerprint })
    let newKeys = Set(new.map { $0.rule + "|" + $0.fingerprint })
    var added = new.filter { !oldKeys.contains($0.rule + "|" + $0.fingerprint) }
    var removed = old.filter { !newKeys.contains($0.rule + "|" + $0.fingerprint) }
    // A rule that lost one clause and gained another, in the same section, was reworded.
    var reworded: [Reworded] = []
    for r in removed {
      if let i = added.firstIndex(where: { $0.rule == r.rule && $0.headings == r.headings }) {
        reworded.append(Reworded(old: r, new: added.remove(at: i)))
      }
    }
    removed.removeAll { r in reworded.contains { $0.old == r } }
    self.added = added
    self.removed = removed
    self.reworded = reworded
  }

  public var isEmpty: Bool { added.isEmpty && removed.isEmpty && reworded.isEmpty }

  /// The diff for people: risks first, then protections, each with where it stands.
  public func text() -> String {
    func polarity(_ f: Finding) -> Category.Polarity { Category.named(f.category)?.polarity ?? .risk }
    func line(_ sign: String, _ f: Finding) -> String {
      "  \(sign) \(f.file):\(f.line):\(f.column): \(f.message) [\(f.rule)]\n      \(Self.oneLine(f.clause))"
    }
    var out: [String] = []
    let groups: [(String, [Finding], String)] = [
      ("New risks", added.filter { polarity($0) == .risk }, "+"),
      ("Protections removed", removed.filter { polarity($0) == .protection }, "-"),
      ("Risks removed", removed.filter { polarity($0) == .risk }, "-"),
      ("New protections", added.filter { polarity($0) == .protection }, "+"),
    ]
    for (title, findings, sign) in groups where !findings.isEmpty {
      out.append("\(title) (\(findings.count)):")
      out += findings.map { line(sign, $0) }
    }
    if !reworded.isEmpty {
      out.append("Reworded (\(reworded.count)):")
      for r in reworded {
        out.append("  ~ \(r.new.file):\(r.new.line):\(r.new.column): [\(r.new.rule)]")
        out.append("      was: \(Self.oneLine(r.old.clause))")
        out.append("      now: \(Self.oneLine(r.new.clause))")
      }
    }
    if out.isEmpty { out.append("No change in what FinePrint finds.") }
    return out.joined(separator: "\n")
  }

  static func oneLine(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}
