import Foundation
import Testing
@testable import FinePrintKit

/// Fetching terms from a URL, against a small HTTP server on 127.0.0.1 that the test starts.
@Suite("Fetching URLs", .serialized)
struct URLFetcherTests {
  static let server = """
    import http.server, sys, os, threading
    class H(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/loop":
                self.send_response(302); self.send_header("Location", "/loop"); self.end_headers(); return
            if self.path == "/ftp":
                self.send_response(302); self.send_header("Location", "ftp://example.com/x"); self.end_headers(); return
            if self.path == "/big":
                self.send_response(200); self.send_header("Content-Type", "text/plain"); self.end_headers()
                try: self.wfile.write(b"a" * (3 * 1048576))
                except Exception: pass
                return
            if self.path == "/file":
                self.send_response(302); self.send_header("Location", "file:///etc/passwd"); self.end_headers(); return
            if self.path == "/endless":
                self.send_response(200); self.send_header("Content-Type", "text/html"); self.end_headers()
                try:
                    while True: self.wfile.write(b"<p>" + b"a" * 65536 + b"</p>")
                except Exception: pass
                return
            if self.path == "/image":
                self.send_response(200); self.send_header("Content-Type", "image/png"); self.end_headers()
                self.wfile.write(b"\\x89PNG"); return
            return super().do_GET()
        def log_message(self, *a): pass
    os.chdir(sys.argv[1])
    threading.Timer(120, os._exit, [0]).start()  # never outlive a stuck test run
    s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    print(s.server_address[1], flush=True)
    s.serve_forever()
    """

  /// Runs `body` with the base URL of a fresh server serving `files`.
  func withServer(_ files: [String: String], _ body: (String) throws -> Void) throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, content) in files { try content.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    let script = dir.appendingPathComponent("server.py")
    try Self.server.write(to: script, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, dir.path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    // SIGKILL, not terminate(): a child spawned from a dispatch thread inherits its blocked SIGTERM.
    defer { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    var line = Data()
    while !line.contains(0x0A) {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      line.append(chunk)
    }
    let port = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    try #require(Int(port) != nil, "the test server did not start")
    try body("http://127.0.0.1:\(port)")
  }

  func reason(_ body: () throws -> InputSource) -> String {
    do {
      _ = try body()
      return "no error"
    } catch {
      return (error as? IngestError)?.errorDescription ?? "\(error)"
    }
  }

  @Test("A page is fetched and read like a file; its format is sniffed")
  func fetch() throws {
    try withServer(["terms": "<html><body><p>We may sell your voice recordings to data brokers.</p></body></html>"]) { base in
      let source = try URLFetcher().fetch(base + "/terms")
      #expect(source.name == base + "/terms")
      let doc = try DocumentIngester().ingest(source)
      #expect(doc.format == .html)
      #expect(doc.text == "We may sell your voice recordings to data brokers.")
    }
  }

  @Test("Errors say what went wrong: status, redirects, schemes, size, content type")
  func errors() throws {
    try withServer([:]) { base in
      #expect(reason { try URLFetcher().fetch(base + "/missing") }.hasSuffix("HTTP 404 Not Found"))
      #expect(reason { try URLFetcher().fetch(base + "/loop") }.hasSuffix("more than 5 redirects"))
      #expect(reason { try URLFetcher().fetch(base + "/ftp") }.contains("redirected to a ftp URL"))
      #expect(reason { try URLFetcher(maxBytes: 1_048_576).fetch(base + "/big") }.contains("1 MB limit"))
      #expect(reason { try URLFetcher().fetch(base + "/image") }.contains("the server sent image/png"))
      #expect(reason { try URLFetcher().fetch("ftp://example.com/terms") }.contains("not an http or https URL"))
    }
  }

  @Test("Hostile responses: a redirect to file:// (read as a path on the same server) and an endless body")
  func hostileResponses() throws {
    try withServer([:]) { base in
      let start = ContinuousClock.now
      #expect(reason { try URLFetcher(timeout: 10).fetch(base + "/file") }
        == "\(base)/file: cannot be read: redirected to a file URL, which FinePrint does not follow")
      #expect(reason { try URLFetcher(timeout: 10, maxBytes: 1_048_576).fetch(base + "/endless") }
        == "\(base)/endless: cannot be read: more than the 1 MB limit")
      #expect(ContinuousClock.now - start < .seconds(10))
    }
  }
}
