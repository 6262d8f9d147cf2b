/// Where a document's bytes come from and what the user called it.
public struct InputSource: Sendable {
  /// The name shown in reports: a path, `-` for standard input.
  public var name: String
  public var bytes: [UInt8]
  /// A format the caller insists on; nil means: from the extension, checked against the content.
  public var declaredFormat: DocumentFormat?

  public init(name: String, bytes: [UInt8], declaredFormat: DocumentFormat? = nil) {
    self.name = name
    self.bytes = bytes
    self.declaredFormat = declaredFormat
  }
}
