/// `--color auto|always|never`: whether text output is coloured.
public enum ColorChoice: String, CaseIterable, Sendable {
  /// Colour on a terminal, unless `NO_COLOR` is set to something (an empty `NO_COLOR` does not
  /// count, as no-color.org says) or `TERM` is `dumb`.
  case auto
  case always
  case never

  /// Whether to colour output going to a terminal or not, in this environment.
  public func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
    switch self {
    case .always: return true
    case .never: return false
    case .auto:
      return isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
  }
}
