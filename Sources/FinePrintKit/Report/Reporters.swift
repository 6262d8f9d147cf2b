/// Every output format, by the name `--format` takes. Adding a format is adding a type here.
public enum Reporters {
  public static let all: [any Reporter.Type] = [
    TextReporter.self, JSONReporter.self, JSONLinesReporter.self, SARIFReporter.self, GitHubReporter.self,
    JUnitReporter.self, MarkdownReporter.self, CheckstyleReporter.self, CodeQualityReporter.self,
  ]

  public static var identifiers: [String] { all.map { $0.identifier } }

  /// The reporter for an identifier, with the run's options.
  public static func reporter(_ identifier: String, options: ReportOptions = ReportOptions()) -> (any Reporter)? {
    switch identifier {
    case TextReporter.identifier:
      return TextReporter(color: options.color, showProtections: options.showProtections, showTotal: !options.quiet)
    case JSONReporter.identifier: return JSONReporter()
    case JSONLinesReporter.identifier: return JSONLinesReporter()
    case SARIFReporter.identifier: return SARIFReporter()
    case GitHubReporter.identifier: return GitHubReporter()
    case JUnitReporter.identifier: return JUnitReporter(failOn: options.failOn)
    case MarkdownReporter.identifier: return MarkdownReporter()
    case CheckstyleReporter.identifier: return CheckstyleReporter()
    case CodeQualityReporter.identifier: return CodeQualityReporter()
    default: return nil
    }
  }
}
