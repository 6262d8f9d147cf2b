/// Reads HTML with libxml2's tolerant HTML parser: only what a reader sees (no scripts,
/// styles, head, comments or hidden elements), entities decoded, block elements as
/// boundaries, headings known as headings, and every character mapped back to its source.
public struct HTMLIngester: Sendable {
  /// How deeply elements may nest (`Limits.maxDepth`).
  public var maxDepth: Int

  public init(maxDepth: Int = Limits.standard.maxDepth) {
    self.maxDepth = maxDepth
  }

  /// - Parameter input: consumed: its bytes are let go once transcoded to UTF-8.
  public func ingest(_ input: consuming InputSource) throws -> Document {
    let parse = try MarkupParse(releasing: &input, mode: .html, maxDepth: maxDepth)
    guard !parse.reader.builder.text.isEmpty else {
      throw IngestError.noVisibleText(
        path: input.name, reason: "the HTML has no visible text (only markup, scripts or hidden parts)")
    }
    return parse.document(input, format: .html)
  }
}
