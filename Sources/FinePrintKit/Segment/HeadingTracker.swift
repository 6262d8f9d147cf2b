/// The path of headings a clause stands under: a heading of level L closes every open heading
/// of level L or deeper, then opens itself ("7. Disputes" › "7.2 Arbitration").
struct HeadingTracker {
  private var open: [(level: Int, text: String)] = []

  /// The open headings' texts, kept rather than mapped for every clause: the clauses under one
  /// heading share one array.
  private(set) var path: [String] = []

  /// Opens a heading; returns the path of the headings it stands under.
  @discardableResult
  mutating func enter(_ text: String, level: Int) -> [String] {
    while let last = open.last, last.level >= level { open.removeLast() }
    let parents = open.map(\.text)
    open.append((level, text))
    path = parents + [text]
    return parents
  }
}
