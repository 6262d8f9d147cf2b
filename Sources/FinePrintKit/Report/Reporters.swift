/// Every output format, by the name `--format` takes. Adding a format is adding a type here.
public enum Reporters {
  public static let all: [any Reporter.Type] = [
    TextReporter.self, JSONReporter.self, JSONLinesReporter.self, SARIFReporter.self, GitHubReporter.self,
    JUnitReporter.self, MarkdownReporter.self, CheckstyleReporter.self,
  ]

  public static var identifiers: [String] { all.map { $0.identifier } }

  /// The reporter for an identifier; text gets colour when asked for.
  public static func reporter(_ identifier: String, color: Bool = false, showProtections: Bool = true) -> (any Reporter)? {
    switch identifier {
    case TextReporter.identifier: return TextReporter(color: color, showProtections: showProtections)
    case JSONReporter.identifier: return JSONReporter()
    case JSONLinesReporter.identifier: return JSONLinesReporter()
    case SARIFReporter.identifier: return SARIFReporter()
    case GitHubReporter.identifier: return GitHubReporter()
    case JUnitReporter.identifier: return JUnitReporter()
    case MarkdownReporter.identifier: return MarkdownReporter()
    case CheckstyleReporter.identifier: return CheckstyleReporter()
    default: return nil
    }
  }
}
