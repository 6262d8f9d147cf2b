/// Reads HTML with libxml2's tolerant HTML parser: only what a reader sees (no scripts,
/// styles, head, comments or hidden elements), entities decoded, block elements as
/// boundaries, headings known as headings, and every character mapped back to its source.
public struct HTMLIngester: Sendable {
  /// How deeply elements may nest (`Limits.maxDepth`).
  public var maxDepth: Int

  public init(maxDepth: Int = Limits.standard.maxDepth) {
    self.maxDepth = maxDepth
  }

  public func ingest(_ input: InputSource) throws -> Document {
    let parse = try MarkupParse(input, mode: .html, maxDepth: maxDepth)
    guard !parse.reader.builder.text.isEmpty else {
      throw IngestError.noVisibleText(
        path: input.name, reason: "the HTML has no visible text (only markup, scripts or hidden parts)")
    }
    return parse.document(input, format: .html)
  }
}
