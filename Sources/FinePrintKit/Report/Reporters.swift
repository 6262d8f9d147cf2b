/// Every output format of `lint`, by the name `--format` takes. Adding a format is adding its
/// type (which says its name and how the run's options shape it) to this list.
public enum Reporters {
  public static let all: [any Reporter.Type] = [
    TextReporter.self, JSONReporter.self, JSONLinesReporter.self, SARIFReporter.self, GitHubReporter.self,
    JUnitReporter.self, MarkdownReporter.self, CheckstyleReporter.self, CodeQualityReporter.self,
  ]

  public static var identifiers: [String] { all.map { $0.identifier } }

  /// The reporter for an identifier, with the run's options.
  public static func reporter(_ identifier: String, options: ReportOptions = ReportOptions()) -> (any Reporter)? {
    all.first { $0.identifier == identifier }.map { $0.init(options: options) }
  }
}
