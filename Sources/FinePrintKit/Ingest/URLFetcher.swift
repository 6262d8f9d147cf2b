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

  public func fetch(_ address: String) throws -> InputSource {
    guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
      url.host != nil
    else {
      throw IngestError.unreadable(path: address, reason: "not an http or https URL")
    }
    let state = FetchState(maxBytes: maxBytes, maxRedirects: maxRedirects)
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    let session = URLSession(configuration: configuration, delegate: state, delegateQueue: nil)
    defer { session.invalidateAndCancel() }
    var request = URLRequest(url: url)
    request.setValue("FinePrint/\(FinePrintVersion.current) (terms linter)", forHTTPHeaderField: "User-Agent")
    session.dataTask(with: request).resume()
    guard state.done.wait(timeout: .now() + timeout + 5) == .success else {
      throw IngestError.unreadable(path: address, reason: "no answer within \(Int(timeout)) seconds")
    }
    if let problem = state.problem { throw IngestError.unreadable(path: address, reason: problem) }
    return try Self.input(from: address, status: state.status, contentType: state.contentType, body: state.data)
  }

  /// The document a finished response gives: its body, or the error for a failed status or a
  /// content type that is plainly not a document. Pure, so a fuzz target can feed it bytes.
  /// - Throws: `IngestError` naming `address`.
  public static func input(from address: String, status: Int, contentType: String, body: [UInt8]) throws -> InputSource {
    guard (200..<300).contains(status) else {
      throw IngestError.unreadable(path: address, reason: "HTTP \(status) \(HTTPURLResponse.localizedString(forStatusCode: status))")
    }
    let type = contentType.lowercased()
    if type.hasPrefix("image/") || type.hasPrefix("audio/") || type.hasPrefix("video/") || type == "application/pdf" {
      throw IngestError.binary(path: address, reason: "the server sent \(type)")
    }
    // The format is sniffed from the content, as for files: servers often mislabel it.
    return InputSource(name: address, bytes: body)
  }

  /// The scheme a redirect leads to: the one written in its `Location` when it names one, else
  /// the new request's. Foundation on Linux turns "file:///etc/passwd" into a path on the same
  /// server (http://host/etc/passwd), so the new request's scheme is not enough.
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

/// The state of one fetch, filled in by URLSession's delegate callbacks.
private final class FetchState: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  let maxBytes: Int
  let maxRedirects: Int
  let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var _data: [UInt8] = []
  private var _problem: String?
  private var _status = 0
  private var _contentType = ""
  private var redirects = 0
  private var finished = false

  init(maxBytes: Int, maxRedirects: Int) {
    self.maxBytes = maxBytes
    self.maxRedirects = maxRedirects
  }

  var data: [UInt8] { lock.withLock { _data } }
  var problem: String? { lock.withLock { _problem } }
  var status: Int { lock.withLock { _status } }
  var contentType: String { lock.withLock { _contentType } }

  func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                  newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
    lock.lock()
    redirects += 1
    let scheme = URLFetcher.redirectScheme(location: response.value(forHTTPHeaderField: "Location"), request: request.url)
    if redirects > maxRedirects {
      _problem = "more than \(maxRedirects) redirects"
    } else if !["http", "https"].contains(scheme) {
      _problem = "redirected to a \(scheme.isEmpty ? "non-web" : scheme) URL, which FinePrint does not follow"
    }
    let stop = _problem != nil
    lock.unlock()
    completionHandler(stop ? nil : request)
    if stop { task.cancel() }
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                  completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
    lock.lock()
    if let http = response as? HTTPURLResponse {
      _status = http.statusCode
      _contentType = (http.value(forHTTPHeaderField: "Content-Type") ?? "")
    }
    let tooLarge = response.expectedContentLength > Int64(maxBytes)
    if tooLarge { _problem = "\(response.expectedContentLength / 1_048_576) MB is larger than the \(maxBytes / 1_048_576) MB limit" }
    lock.unlock()
    completionHandler(tooLarge ? .cancel : .allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    lock.lock()
    // Once refused, nothing more is kept: a cancelled task can still deliver what is in flight,
    // and an endless (chunked or inflated) body kept growing after the limit.
    guard _problem == nil else {
      lock.unlock()
      dataTask.cancel()
      return
    }
    let tooLarge = data.count > maxBytes - _data.count
    if tooLarge {
      _problem = "more than the \(maxBytes / 1_048_576) MB limit"
      _data = []
    } else {
      _data.append(contentsOf: data)
    }
    lock.unlock()
    if tooLarge {
      dataTask.cancel()
      // The answer is known: do not wait for the cancel to land. Foundation on Linux goes on
      // receiving (and buffering) an endless body for a while after it; a slow run (under
      // AddressSanitizer) never saw the task complete before the timeout.
      finish()
    }
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
    lock.lock()
    if let error, _problem == nil, _status == 0 || (error as NSError).code != NSURLErrorCancelled {
      _problem = error.localizedDescription
    }
    if _problem == nil, redirects > 0, _status >= 300, _status < 400 { _problem = "redirect not followed (HTTP \(_status))" }
    lock.unlock()
    finish()
  }

  /// Wakes the fetch, once.
  private func finish() {
    lock.lock()
    let first = !finished
    finished = true
    lock.unlock()
    if first { done.signal() }
  }
}
