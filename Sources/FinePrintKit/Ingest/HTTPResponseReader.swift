import Foundation

/// How FinePrint reads one answer to a fetch, event by event as the transport reports it: each
/// redirect, the final response's status and header fields, the body's chunks (already inflated
/// when the server compressed them: libcurl does that, whatever `Content-Encoding` says), and
/// the end. No networking here, so the URL fuzz target and the tests drive the code `URLFetcher`
/// runs. At most `maxBytes` of body are ever kept, and the first problem is the answer.
public struct HTTPResponseReader: Sendable {
  /// The URL as the user gave it: every error names it.
  public let address: String
  public let maxBytes: Int
  public let maxRedirects: Int
  public private(set) var redirects = 0
  public private(set) var status = 0
  /// The final response's header fields, by lower-cased name.
  public private(set) var headers: [String: String] = [:]
  public private(set) var body: [UInt8] = []
  /// Body bytes received, kept or not.
  public private(set) var received = 0
  /// Why the answer is refused, once it is.
  public private(set) var failure: IngestError?

  public init(address: String, maxBytes: Int, maxRedirects: Int) {
    self.address = address
    self.maxBytes = maxBytes
    self.maxRedirects = maxRedirects
  }

  /// The statuses that redirect when they come with a `Location` (as libcurl and browsers have
  /// them): the transport reports each as a redirect, not as the answer.
  public static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

  /// Whether the answer is known: refused, so nothing more needs to arrive.
  public var isRefused: Bool { failure != nil }

  /// A redirect the transport is about to follow. `location` is the `Location` field as the
  /// server wrote it and `next` the URL the transport made of it.
  /// - Returns: whether to follow it: not past `maxRedirects`, and only to http or https.
  public mutating func redirect(location: String?, next: URL?) -> Bool {
    guard failure == nil else { return false }
    redirects += 1
    let scheme = Self.redirectScheme(location: location, request: next)
    if redirects > maxRedirects {
      refuse("more than \(maxRedirects) redirects")
    } else if !["http", "https"].contains(scheme) {
      refuse("redirected to a \(scheme.isEmpty ? "non-web" : scheme) URL, which FinePrint does not follow")
    }
    return failure == nil
  }

  /// The final response's status and header fields (names in any case).
  /// - Returns: whether to read its body. A `Content-Length` past the limit is refused before
  ///   any of it arrives, unless the body is encoded (`gzip`…): then the length is the
  ///   compressed one, and the inflated bytes are counted as they come.
  public mutating func head(status: Int, headers: [String: String]) -> Bool {
    guard failure == nil else { return false }
    self.status = status
    self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    if !isEncoded, let declared = self.headers["content-length"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
      declared > maxBytes
    {
      failure = .tooLarge(path: address, bytes: declared, limit: maxBytes)
    }
    return failure == nil
  }

  /// Whether the body comes encoded (`Content-Encoding` other than `identity`).
  public var isEncoded: Bool {
    guard let encoding = headers["content-encoding"]?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
    return !encoding.isEmpty && encoding != "identity"
  }

  /// A chunk of the body as it arrives (inflated).
  /// - Returns: whether to go on. Past `maxBytes` the answer is refused and what was kept is
  ///   dropped; once refused, nothing more is kept (a cancelled transfer can still deliver what
  ///   is in flight, and an endless body kept growing after the limit).
  public mutating func receive<Bytes: Collection<UInt8>>(_ chunk: Bytes) -> Bool {
    received += chunk.count
    guard failure == nil else { return false }
    guard chunk.count <= maxBytes - body.count else {
      failure = .tooLarge(path: address, bytes: received, limit: maxBytes)
      body = []
      return false
    }
    body.append(contentsOf: chunk)
    return true
  }

  /// The end of the exchange: the transport's error, if any. A cancelled transfer is the
  /// reader's own doing once an answer has come, and not a problem then.
  public mutating func end(error: String?, cancelled: Bool) {
    guard failure == nil else { return }
    if let error, status == 0 || !cancelled { refuse(error) }
    if failure == nil, redirects > 0, (300..<400).contains(status) { refuse("redirect not followed (HTTP \(status))") }
  }

  /// The document the answer gives: its body, named by the address.
  /// - Throws: `IngestError` naming the address: the refusal, a failed status, or a content type
  ///   that is plainly not a document (an image, a PDF).
  public func input() throws -> InputSource {
    if let failure { throw failure }
    guard (200..<300).contains(status) else {
      throw IngestError.unreadable(
        path: address, reason: "HTTP \(status) \(HTTPReasonPhrase.of(status))")
    }
    let type = (headers["content-type"] ?? "").lowercased()
    if type.hasPrefix("image/") || type.hasPrefix("audio/") || type.hasPrefix("video/") || type == "application/pdf" {
      throw IngestError.binary(path: address, reason: "the server sent \(type)")
    }
    // The format is sniffed from the content, as for files: servers often mislabel it.
    return InputSource(name: address, bytes: body)
  }

  private mutating func refuse(_ reason: String) {
    if failure == nil { failure = .unreadable(path: address, reason: reason) }
  }

  /// The scheme a redirect leads to: the one written in its `Location` when it names one, else
  /// the new request's. A transport may resolve "file:///etc/passwd" into a path on the same
  /// server (Foundation on Linux made it http://host/etc/passwd), so the new request's scheme
  /// is not enough.
  public static func redirectScheme(location: String?, request: URL?) -> String {
    if let location, let colon = location.firstIndex(of: ":"), case let written = location[..<colon].lowercased(),
      !written.isEmpty, written.first?.isLetter == true,
      written.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
    {
      return written
    }
    return request?.scheme?.lowercased() ?? ""
  }
}
