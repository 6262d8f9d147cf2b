import Yams

extension Configuration {
  /// The keys of `limits:`, each named as the command-line option that wins over it.
  public enum LimitKey: String, CaseIterable {
    case maxSize = "max_size"
    case maxDepth = "max_depth"
    case maxClauseBytes = "max_clause_bytes"
    case timeout

    /// What the value must be, for the error that names a bad one.
    var expected: String {
      switch self {
      case .maxSize:
        "a whole number of megabytes from \(Limits.maxSizeMegabytes.lowerBound) to \(Limits.maxSizeMegabytes.upperBound)"
      case .maxDepth:
        "a whole number of nested elements from \(Limits.maxDepthRange.lowerBound) to \(Limits.maxDepthRange.upperBound)"
      case .maxClauseBytes:
        "a whole number of bytes from \(Limits.maxClauseBytesRange.lowerBound) to \(Limits.maxClauseBytesRange.upperBound)"
      case .timeout: "a whole number of seconds from \(Limits.timeoutRange.lowerBound) to \(Limits.timeoutRange.upperBound)"
      }
    }

    var range: ClosedRange<Int> {
      switch self {
      case .maxSize: Limits.maxSizeMegabytes
      case .maxDepth: Limits.maxDepthRange
      case .maxClauseBytes: Limits.maxClauseBytesRange
      case .timeout: Limits.timeoutRange
      }
    }
  }

  /// Reads `limits:`: a mapping of the keys of `LimitKey` to whole numbers in their ranges.
  /// - Throws: `RuleLoadError` at an unknown key or a value that is not a number in range.
  static func parseLimits(_ node: Node, reader: YAMLReader) throws -> Limits.Settings {
    var settings = Limits.Settings()
    for (name, _, value) in try reader.mapping(node, context: "limits", allowed: LimitKey.allCases.map(\.rawValue)) {
      let key = LimitKey(rawValue: name)!
      // A digit string only: Int("+5") and "1e3" are not what anyone wrote by mistake, and a
      // number too large for Int is out of range, not a crash.
      let text = try reader.string(value, key: name).trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
        let number = Int(text), key.range.contains(number)
      else {
        throw RuleLoadError.wrongType(reader.location(value), key: name, expected: key.expected)
      }
      switch key {
      case .maxSize: settings.maxSizeMegabytes = number
      case .maxDepth: settings.maxDepth = number
      case .maxClauseBytes: settings.maxClauseBytes = number
      case .timeout: settings.timeoutSeconds = number
      }
    }
    return settings
  }
}
