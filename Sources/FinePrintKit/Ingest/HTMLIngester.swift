/// Placeholder until the libxml2 HTML ingester lands.
public struct HTMLIngester: Sendable {
  public init() {}
  public func ingest(_ source: InputSource) throws -> Document { try PlainTextIngester().ingest(source) }
}
