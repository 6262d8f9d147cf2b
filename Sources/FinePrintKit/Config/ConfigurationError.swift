import Foundation

/// Why a configuration (`.fineprint.yml` or `--config FILE`) was refused, beyond the YAML and
/// key errors it shares with rule files (`RuleLoadError`).
public enum ConfigurationError: Error, LocalizedError, Equatable, Sendable {
  /// `--config` names a file that is not there.
  case noSuchFile(path: String)
  /// The file is there but cannot be read (a folder, no permission).
  case unreadable(path: String)
  /// `disable` or `severity` names what is neither a rule nor a category: a typo would
  /// otherwise leave the rule on without a word.
  case unknownName(RuleFileLocation, name: String, key: String, suggestion: String?)

  /// One line, whatever the names in the file held.
  public var errorDescription: String? { message.singleLine }

  private var message: String {
    switch self {
    case .noSuchFile(let path):
      return "\(path): no such config file"
    case .unreadable(let path):
      return "\(path): cannot read config file"
    case .unknownName(let location, let name, let key, let suggestion):
      let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? "; see 'fineprint rules list'"
      return "\(location): '\(name)' in \(key) is neither a rule ID nor a category\(hint)"
    }
  }
}
