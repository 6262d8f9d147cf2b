/// Turns an input's bytes into a `Document`, choosing the parser by `FormatSniffer`.
public struct DocumentIngester: Sendable {
  /// The `--max-size` limit, which also caps what a `.docx` unpacks to.
  public var maxBytes: Int

  public init(maxBytes: Int = 100 * 1_048_576) {
    self.maxBytes = maxBytes
  }

  /// Checks `source` with `InputGuard`, then parses it as the format `FormatSniffer` resolves.
  /// - Throws: `IngestError`, naming `source.name`.
  public func ingest(_ source: InputSource) throws -> Document {
    let format = FormatSniffer.resolve(source)
    try InputGuard.check(source, as: format)
    switch format {
    case .plainText: return try PlainTextIngester().ingest(source)
    case .html: return try HTMLIngester().ingest(source)
    case .xml:
      // `--as xml` means XML; an `.xml` name over what looks like HTML is XML only if it parses as XML.
      let looksLikeHTML = source.declaredFormat == nil && FormatSniffer.sniff(source.bytes) == .html
      return try XMLIngester(fallsBackToHTML: looksLikeHTML).ingest(source)
    case .docx: return try DocxIngester(maxBytes: maxBytes).ingest(source)
    }
  }
}
