import Foundation

/// Fetches a document from an `http://` or `https://` URL, with a timeout, a size limit and a
/// limit on redirects, never following one to another scheme. The format is sniffed from the
/// content; a content type that is plainly not a document (an image, a PDF) is refused.
///
/// The transport is libcurl, loaded only when a URL is fetched (see `LibCurl`); where it is
/// missing, fetching is an error that says so, and everything else works.
public struct URLFetcher: Sendable {
  public var timeout: TimeInterval
  public var maxBytes: Int
  public var maxRedirects: Int
  /// The libcurl names to load instead of the system's (tests use names that do not exist).
  var libcurlNames: [String]?

  public init(timeout: TimeInterval = 30, maxBytes: Int = 100 * 1_048_576, maxRedirects: Int = 5) {
    self.timeout = timeout
    self.maxBytes = maxBytes
    self.maxRedirects = maxRedirects
  }

  /// Whether an argument names a URL FinePrint fetches.
  public static func isURL(_ argument: String) -> Bool {
    let lower = argument.lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://")
  }

  /// Why a URL cannot be fetched where libcurl is not installed.
  public static let libcurlMissing =
    "fetching URLs needs libcurl (libcurl4); install it or download the page and pass the file"

  /// Fetches `address` and returns its body. Every request of the fetch (redirects included)
  /// shares the timeout; a body past `maxBytes`, counted once inflated, is refused the moment
  /// it passes the limit, and the transfer stops there.
  /// - Throws: `IngestError` naming `address`.
  public func fetch(_ address: String) throws -> InputSource {
    guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
      url.host != nil
    else {
      throw IngestError.unreadable(path: address, reason: "not an http or https URL")
    }
    guard case .success(let curl) = libcurlNames.map(LibCurl.load) ?? LibCurl.system else {
      throw IngestError.unreadable(path: address, reason: Self.libcurlMissing)
    }
    let transfer = try CurlTransfer(
      curl: curl, reader: HTTPResponseReader(address: address, maxBytes: maxBytes, maxRedirects: maxRedirects),
      userAgent: "FinePrint/\(FinePrintVersion.current) (terms linter)", timeout: timeout)
    let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
    var next = url.absoluteString
    while true {
      let left = (deadline - .now).components
      let milliseconds = Int(left.seconds) * 1000 + Int(left.attoseconds / 1_000_000_000_000_000)
      guard milliseconds > 0 else {
        transfer.end("no answer within \(Int(timeout)) seconds")
        break
      }
      guard let redirect = transfer.request(next, milliseconds: milliseconds), transfer.follow(redirect) else { break }
      guard let target = redirect.next else {
        transfer.end("redirected to \(redirect.location), which is not a URL")
        break
      }
      next = target
    }
    return try transfer.reader.input()
  }
}
