extension String {
  /// The text with each line break written as `\n`, so an error quoting what a file held stays
  /// one line (`file:line:column: …`), as editors and CI annotations read it.
  var singleLine: String {
    guard contains(where: \.isNewline) else { return self }
    return split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "\\n")
  }
}
