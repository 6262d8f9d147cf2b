extension String {
  /// The path without its leading `./` (any number of them): how code-scanning and code-quality
  /// dashboards match a report's paths to the files of the repository.
  var withoutLeadingDotSlash: String {
    var path = Substring(self)
    while path.hasPrefix("./") { path = path.dropFirst(2) }
    return String(path)
  }
}
