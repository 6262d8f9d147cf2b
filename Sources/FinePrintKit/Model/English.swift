/// The little English the reports need.
enum English {
  /// `word` or its plural for `n`: "1 error", "2 errors".
  static func plural(_ n: Int, _ word: String) -> String { n == 1 ? word : word + "s" }
}
