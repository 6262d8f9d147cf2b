/// Turns an input's bytes into a `Document`, choosing the parser by `FormatSniffer`.
public struct DocumentIngester: Sendable {
  public init() {}

  /// Checks `source` with `InputGuard`, then parses it as the format `FormatSniffer` resolves.
  /// - Throws: `IngestError`, naming `source.name`.
  public func ingest(_ source: InputSource) throws -> Document {
    try InputGuard.check(source)
    switch FormatSniffer.resolve(source) {
    case .plainText: return try PlainTextIngester().ingest(source)
    case .html: return try HTMLIngester().ingest(source)
    case .xml: return try XMLIngester().ingest(source)
    }
  }
}
