/// Turns an input's bytes into a `Document`, choosing the parser by `FormatSniffer`.
public struct DocumentIngester: Sendable {
  /// The `--max-size` limit, which also caps what each part of a `.docx` unpacks to.
  public var maxBytes: Int
  /// How deeply elements may nest in HTML, XML and `.docx`.
  public var maxDepth: Int

  public init(maxBytes: Int = Limits.standard.maxBytes, maxDepth: Int = Limits.standard.maxDepth) {
    self.maxBytes = maxBytes
    self.maxDepth = maxDepth
  }

  /// An ingester with the size and depth limits of `limits`.
  public init(limits: Limits) {
    self.init(maxBytes: limits.maxBytes, maxDepth: limits.maxDepth)
  }

  /// Checks `source` with `InputGuard`, then parses it as the format `FormatSniffer` resolves.
  /// The source is consumed: plain text and HTML let its bytes go once they are transcoded,
  /// so a large input is not held twice (raw and as UTF-8) while it is parsed and linted.
  /// - Throws: `IngestError`, naming `source.name`.
  public func ingest(_ source: consuming InputSource) throws -> Document {
    let format = FormatSniffer.resolve(source)
    try InputGuard.check(source, as: format)
    switch format {
    case .plainText: return try PlainTextIngester().ingest(consume source)
    case .html: return try HTMLIngester(maxDepth: maxDepth).ingest(consume source)
    case .xml:
      // `--as xml` means XML; an `.xml` name over what looks like HTML is XML only if it parses as XML.
      let looksLikeHTML = source.declaredFormat == nil && FormatSniffer.sniff(source.bytes) == .html
      return try XMLIngester(maxDepth: maxDepth, fallsBackToHTML: looksLikeHTML).ingest(source)
    case .docx: return try DocxIngester(maxBytes: maxBytes, maxDepth: maxDepth).ingest(source)
    }
  }
}
