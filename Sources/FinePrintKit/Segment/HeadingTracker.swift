/// The path of headings a clause stands under: a heading of level L closes every open heading
/// of level L or deeper, then opens itself ("7. Disputes" › "7.2 Arbitration").
struct HeadingTracker {
  private var open: [(level: Int, text: String)] = []

  var path: [String] { open.map(\.text) }

  /// Opens a heading; returns the path of the headings it stands under.
  @discardableResult
  mutating func enter(_ text: String, level: Int) -> [String] {
    while let last = open.last, last.level >= level { open.removeLast() }
    let parents = path
    open.append((level, text))
    return parents
  }
}
