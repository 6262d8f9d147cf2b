import Foundation
#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Fetches a document from an `http://` or `https://` URL, with a timeout, a size limit and a
/// limit on redirects, never following one to another scheme. The format is sniffed from the
/// content; a content type that is plainly not a document (an image, a PDF) is refused.
public struct URLFetcher: Sendable {
  public var timeout: TimeInterval
  public var maxBytes: Int
  public var maxRedirects: Int

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

  /// Fetches `address` and returns its body, as soon as the answer is known: a body past
  /// `maxBytes` (counted once inflated) is refused the moment it passes the limit.
  ///
  /// Foundation on Linux inflates a compressed body inside libcurl, on the session's own queue,
  /// and hands each chunk to the delegate asynchronously; a cancel waits for that queue. So a
  /// delegate that cancelled in line was stuck for as long as libcurl took to inflate all it had
  /// received, while the chunks queued up behind it: a 1 MB gzip bomb (1 GiB inflated) took
  /// 1.2 GB and 9 s with a 10 MB limit. Here the delegate never waits: it counts and drops,
  /// the cancel and the session's end are sent off the delegate's queue, and the fetch returns
  /// at once. libcurl may go on inflating what it already has in the background (it cannot be
  /// interrupted); nothing of it is kept.
  /// - Throws: `IngestError` naming `address`.
  public func fetch(_ address: String) throws -> InputSource {
    guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
      url.host != nil
    else {
      throw IngestError.unreadable(path: address, reason: "not an http or https URL")
    }
    let state = FetchState(HTTPResponseReader(address: address, maxBytes: maxBytes, maxRedirects: maxRedirects))
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    let session = URLSession(configuration: configuration, delegate: state, delegateQueue: nil)
    // Ending the session waits for libcurl's queue too: off this thread.
    defer { DispatchQueue.global().async { session.invalidateAndCancel() } }
    var request = URLRequest(url: url)
    request.setValue("FinePrint/\(FinePrintVersion.current) (terms linter)", forHTTPHeaderField: "User-Agent")
    session.dataTask(with: request).resume()
    guard state.done.wait(timeout: .now() + timeout + 5) == .success else {
      throw IngestError.unreadable(path: address, reason: "no answer within \(Int(timeout)) seconds")
    }
    return try state.reader.input()
  }
}

/// The state of one fetch: URLSession's delegate callbacks, passed to an `HTTPResponseReader`
/// under a lock. No callback waits for anything.
private final class FetchState: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var _reader: HTTPResponseReader
  private var finished = false

  init(_ reader: HTTPResponseReader) {
    _reader = reader
  }

  var reader: HTTPResponseReader { lock.withLock { _reader } }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
  ) {
    let follow = lock.withLock {
      _reader.redirect(location: response.value(forHTTPHeaderField: "Location"), next: request.url)
    }
    completionHandler(follow ? request : nil)
    if !follow { stop(task) }
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    let http = response as? HTTPURLResponse
    var fields: [String: String] = [:]
    for (name, value) in http?.allHeaderFields ?? [:] {
      if let name = name as? String, let value = value as? String { fields[name] = value }
    }
    let read = lock.withLock { _reader.head(status: http?.statusCode ?? 200, headers: fields) }
    completionHandler(read ? .allow : .cancel)
    if !read { stop(dataTask) }
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    let (goOn, wasRefused) = lock.withLock {
      let wasRefused = _reader.isRefused
      return (_reader.receive(data), wasRefused)
    }
    if !goOn && !wasRefused { stop(dataTask) }
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
    lock.withLock {
      _reader.end(error: error?.localizedDescription, cancelled: (error as NSError?)?.code == NSURLErrorCancelled)
    }
    finish()
  }

  /// The answer is known: wake the fetch now, and cancel the transfer from another thread
  /// (`cancel` waits for libcurl's queue, which may be busy inflating for seconds).
  private func stop(_ task: URLSessionTask) {
    DispatchQueue.global().async { task.cancel() }
    finish()
  }

  /// Wakes the fetch, once.
  private func finish() {
    let first = lock.withLock {
      defer { finished = true }
      return !finished
    }
    if first { done.signal() }
  }
}
