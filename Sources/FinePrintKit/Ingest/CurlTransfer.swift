import CCurlLoader
import Foundation

/// The requests of one fetch, made through libcurl's easy API on the calling thread. libcurl's
/// header and write callbacks feed an `HTTPResponseReader` as the answer arrives, and a callback
/// that takes less than it was given stops the transfer at once: libcurl inflates a compressed
/// body on its way to the write callback, so a gzip bomb stops at the limit, not after it has
/// been inflated. libcurl follows no redirect: a request that is redirected returns the next URL,
/// and `URLFetcher` asks the reader whether to follow it. One easy handle serves the requests,
/// so a redirect to the same server reuses its connection.
final class CurlTransfer {
  /// The answer so far: redirects, the final status and header fields, the body, the refusal.
  private(set) var reader: HTTPResponseReader
  private let curl: LibCurl
  private let easy: UnsafeMutableRawPointer
  /// Where libcurl writes the details of an error (`CURLOPT_ERRORBUFFER`).
  private let errorBuffer: UnsafeMutablePointer<CChar>
  /// The seconds the whole fetch may take, for the message when they run out.
  private let timeout: TimeInterval

  /// The response being read: its status line's code and its header fields, in order.
  private var status = 0
  private var fields: [(name: String, value: String)] = []
  private var phase = Phase.head
  /// The `Location` of a redirect, once its header has ended.
  private var location: String?
  /// Bytes of a redirect's body, which is read (so that the connection can be used again) and dropped.
  private var redirectBody = 0
  /// Whether a callback stopped the transfer.
  private var stopped = false

  private enum Phase { case head, body, redirectBody }

  /// A redirect's body past this is not read to its end: the connection is dropped instead.
  static let redirectBodyLimit = 64 * 1024

  /// A redirect the request ended with: its `Location` as the server wrote it, and the absolute
  /// URL libcurl made of it (nil when it made none).
  struct Redirect: Equatable {
    let location: String
    let next: String?
  }

  /// - Throws: `IngestError` naming the address when libcurl gives no handle.
  init(curl: LibCurl, reader: HTTPResponseReader, userAgent: String, timeout: TimeInterval) throws {
    guard let easy = fp_curl_easy_init(curl.library) else {
      throw IngestError.unreadable(path: reader.address, reason: "libcurl could not start a transfer")
    }
    self.curl = curl
    self.easy = easy
    self.reader = reader
    self.timeout = timeout
    errorBuffer = .allocate(capacity: Int(FP_CURL_ERROR_SIZE))
    errorBuffer.initialize(repeating: 0, count: Int(FP_CURL_ERROR_SIZE))
    let library = curl.library
    let this = Unmanaged.passUnretained(self).toOpaque()
    // No signals (the process has threads), and every encoding libcurl can inflate.
    fp_curl_setopt_long(library, easy, FP_CURLOPT_NOSIGNAL, 1)
    fp_curl_setopt_long(library, easy, FP_CURLOPT_FOLLOWLOCATION, 0)
    fp_curl_setopt_pointer(library, easy, FP_CURLOPT_ACCEPT_ENCODING, "")
    fp_curl_setopt_pointer(library, easy, FP_CURLOPT_USERAGENT, userAgent)
    fp_curl_setopt_pointer(library, easy, FP_CURLOPT_ERRORBUFFER, errorBuffer)
    // A proxy's answer to CONNECT is not the server's answer.
    fp_curl_setopt_long(library, easy, FP_CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
    // Only the web, whatever the URL says (libcurl before 7.85 knows only the bit mask).
    if fp_curl_setopt_pointer(library, easy, FP_CURLOPT_PROTOCOLS_STR, "http,https") != FP_CURLE_OK {
      fp_curl_setopt_long(library, easy, FP_CURLOPT_PROTOCOLS, Int(FP_CURLPROTO_HTTP | FP_CURLPROTO_HTTPS))
    }
    fp_curl_setopt_pointer(library, easy, FP_CURLOPT_HEADERDATA, this)
    fp_curl_setopt_callback(library, easy, FP_CURLOPT_HEADERFUNCTION) { bytes, size, count, transfer in
      let line = UnsafeRawBufferPointer(start: bytes, count: size * count)
      return Unmanaged<CurlTransfer>.fromOpaque(transfer!).takeUnretainedValue().header(line) ? size * count : 0
    }
    fp_curl_setopt_pointer(library, easy, FP_CURLOPT_WRITEDATA, this)
    fp_curl_setopt_callback(library, easy, FP_CURLOPT_WRITEFUNCTION) { bytes, size, count, transfer in
      let chunk = UnsafeRawBufferPointer(start: bytes, count: size * count)
      return Unmanaged<CurlTransfer>.fromOpaque(transfer!).takeUnretainedValue().body(chunk) ? size * count : 0
    }
  }

  deinit {
    fp_curl_easy_cleanup(curl.library, easy)
    errorBuffer.deallocate()
  }

  /// Requests `url`, giving up after `milliseconds`.
  /// - Returns: the redirect the server answered with, or nil when the reader has the answer
  ///   (its end included: a failure of the transfer is the reader's refusal).
  func request(_ url: String, milliseconds: Int) -> Redirect? {
    status = 0
    fields = []
    phase = .head
    location = nil
    redirectBody = 0
    stopped = false
    errorBuffer[0] = 0
    let library = curl.library
    fp_curl_setopt_pointer(library, easy, FP_CURLOPT_URL, url)
    fp_curl_setopt_long(library, easy, FP_CURLOPT_TIMEOUT_MS, max(1, milliseconds))
    let code = fp_curl_easy_perform(library, easy)
    if let location {
      // libcurl makes the absolute URL only when the redirect's body was read to its end.
      var next: UnsafePointer<CChar>?
      fp_curl_getinfo_string(library, easy, FP_CURLINFO_REDIRECT_URL, &next)
      let resolved = next.map { String(cString: $0) } ?? URL(string: location, relativeTo: URL(string: url))?.absoluteString
      return Redirect(location: location, next: resolved)
    }
    if code == FP_CURLE_OK && phase == .head {
      reader.end(error: "the server's answer has no HTTP header", cancelled: false)
    } else if code == FP_CURLE_OK {
      reader.end(error: nil, cancelled: false)
    } else if stopped {
      reader.end(error: "cancelled", cancelled: true)
    } else if code == FP_CURLE_OPERATION_TIMEDOUT {
      reader.end(
        error: "\(status == 0 ? "no answer" : "the answer did not end") within \(Int(timeout)) seconds", cancelled: false)
    } else {
      let detail = String(cString: errorBuffer)
      reader.end(error: detail.isEmpty ? String(cString: fp_curl_easy_strerror(library, code)) : detail, cancelled: false)
    }
    return nil
  }

  /// Ends the fetch without another request: `reason` is the refusal.
  func end(_ reason: String) {
    reader.end(error: reason, cancelled: false)
  }

  /// Asks the reader whether to follow a redirect.
  func follow(_ redirect: Redirect) -> Bool {
    reader.redirect(location: redirect.location, next: redirect.next.flatMap { URL(string: $0) })
  }

  /// One header line of a response (with its line end); the empty line ends the header.
  /// - Returns: whether to go on.
  private func header(_ line: UnsafeRawBufferPointer) -> Bool {
    // After the header: the fields of a chunked body's trailer, which change nothing.
    guard phase == .head else { return true }
    var text = Substring(String(decoding: line, as: UTF8.self))
    while text.last?.isNewline == true { text = text.dropLast() }
    if text.isEmpty { return headerEnded() }
    if text.hasPrefix("HTTP/") {
      // A status line: a new response (after an interim 1xx one) starts.
      let parts = text.split(separator: " ", maxSplits: 2)
      status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
      fields = []
    } else if text.first == " " || text.first == "\t", let last = fields.indices.last {
      // An obsolete continuation line belongs to the field before it.
      fields[last].value += " " + text.trimmingCharacters(in: .whitespaces)
    } else if let colon = text.firstIndex(of: ":") {
      fields.append((String(text[..<colon]), text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
    }
    return true
  }

  /// The header has ended: an interim answer is skipped, a redirect noted, and the final answer's
  /// head given to the reader, which may refuse it at once.
  private func headerEnded() -> Bool {
    if (100..<200).contains(status) {
      status = 0
      fields = []
      return true
    }
    let headers = Dictionary(fields.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { $0 + ", " + $1 })
    if HTTPResponseReader.redirectStatuses.contains(status), let location = headers["location"], !location.isEmpty {
      self.location = location
      phase = .redirectBody
      return true
    }
    phase = .body
    if reader.head(status: status, headers: headers) { return true }
    stopped = true
    return false
  }

  /// A chunk of the body, inflated.
  /// - Returns: whether to go on: not once the reader has refused the answer.
  private func body(_ chunk: UnsafeRawBufferPointer) -> Bool {
    switch phase {
    case .head:
      // A body with no header (HTTP/0.9, which libcurl refuses anyway).
      return true
    case .redirectBody:
      redirectBody += chunk.count
      return redirectBody <= Self.redirectBodyLimit
    case .body:
      if reader.receive(chunk) { return true }
      stopped = true
      return false
    }
  }
}
