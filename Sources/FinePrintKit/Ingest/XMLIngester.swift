/// Placeholder until the libxml2 XML ingester lands.
public struct XMLIngester: Sendable {
  public init() {}
  public func ingest(_ source: InputSource) throws -> Document { try PlainTextIngester().ingest(source) }
}
