extension Finding {
  /// A fingerprint that survives reflowed or re-published documents: the rule and the clause's
  /// words (case-folded, white space and punctuation ignored), not its line. SARIF's
  /// `partialFingerprints` and baselines use it, so a finding keeps its identity across runs.
  /// A document-level finding (something absent) is one per document, whatever clause it is
  /// shown at, so its fingerprint is the rule's alone.
  public var fingerprint: String {
    var words: [UInt8] = Array(rule.utf8) + [0x7C]
    var lastWasSpace = true
    for scalar in (documentLevel ? "" : clause).unicodeScalars {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        words.append(contentsOf: String(scalar).lowercased().utf8)
        lastWasSpace = false
      } else if !lastWasSpace {
        words.append(0x20)
        lastWasSpace = true
      }
    }
    let hash = words.withUnsafeBufferPointer(Vocabulary.hash)
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
