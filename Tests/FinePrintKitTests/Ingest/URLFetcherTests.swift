import Foundation
import Testing
@testable import FinePrintKit

/// Fetching terms from a URL, against a small HTTP server on 127.0.0.1 that the test starts.
@Suite("Fetching URLs", .serialized)
struct URLFetcherTests {
  static let server = """
    import http.server, sys, os, threading, time, zlib
    BOMB = []
    def bomb():
        # 512 MiB of zeros, gzip-compressed (about 500 kB), made once per server.
        if not BOMB:
            c = zlib.compressobj(9, zlib.DEFLATED, 31)
            block = bytes(1 << 20)
            BOMB.append(b"".join([c.compress(block) for _ in range(512)] + [c.flush()]))
        return BOMB[0]
    def gzip(data):
        c = zlib.compressobj(9, zlib.DEFLATED, 31)
        return c.compress(data) + c.flush()
    class H(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/gzip-bomb-prepare":
                bomb(); self.send_response(204); self.end_headers(); return
            if self.path.startswith("/gzip"):
                self.protocol_version = "HTTP/1.1"  # chunked framing needs it
                body = bomb() if "bomb" in self.path else gzip(b"<html><body><p>We may sell your voice recordings to data brokers.</p></body></html>")
                self.send_response(200); self.send_header("Content-Type", "text/html"); self.send_header("Content-Encoding", "gzip")
                if "chunked" in self.path:
                    self.send_header("Transfer-Encoding", "chunked"); self.end_headers()
                    try:
                        for i in range(0, len(body), 65536):
                            part = body[i:i + 65536]
                            self.wfile.write(b"%x\\r\\n" % len(part) + part + b"\\r\\n")
                        self.wfile.write(b"0\\r\\n\\r\\n")
                    except Exception: pass
                    return
                self.send_header("Content-Length", str(len(body))); self.end_headers()
                try: self.wfile.write(body)
                except Exception: pass
                return
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
            if self.path == "/hop":
                self.send_response(301); self.send_header("Location", "agent?from=hop"); self.end_headers()
                self.wfile.write(b"moved"); return
            if self.path.startswith("/agent"):
                body = ("%s %s" % (self.path, self.headers.get("User-Agent"))).encode()
                self.send_response(200); self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body))); self.end_headers()
                self.wfile.write(body); return
            if self.path == "/slow":
                time.sleep(6); self.send_response(204); self.end_headers(); return
            if self.path == "/slow-body":
                self.send_response(200); self.send_header("Content-Type", "text/plain"); self.end_headers()
                self.wfile.write(b"We may"); self.wfile.flush(); time.sleep(6); return
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
    defer {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
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

  @Test("A relative redirect is followed, and the server is told who asks")
  func redirectAndUserAgent() throws {
    try withServer([:]) { base in
      let source = try URLFetcher().fetch(base + "/hop")
      #expect(source.name == base + "/hop")
      #expect(
        String(decoding: source.bytes, as: UTF8.self) == "/agent?from=hop FinePrint/\(FinePrintVersion.current) (terms linter)")
    }
  }

  @Test("The timeout covers the whole answer: a server that says nothing, and one that stops halfway")
  func timeout() throws {
    try withServer([:]) { base in
      let start = ContinuousClock.now
      #expect(
        reason { try URLFetcher(timeout: 2).fetch(base + "/slow") } == "\(base)/slow: cannot be read: no answer within 2 seconds")
      #expect(
        reason { try URLFetcher(timeout: 2).fetch(base + "/slow-body") }
          == "\(base)/slow-body: cannot be read: the answer did not end within 2 seconds")
      #expect(ContinuousClock.now - start < .seconds(6))
    }
  }

  @Test("Where libcurl cannot be loaded, fetching is an error that says what to install, and nothing is sent")
  func libcurlMissing() throws {
    var fetcher = URLFetcher()
    fetcher.libcurlNames = ["libfineprint-test-no-such-curl.so.4"]
    #expect(
      reason { try fetcher.fetch("https://example.com/terms") }
        == "https://example.com/terms: cannot be read: fetching URLs needs libcurl (libcurl4); install it or download the page and pass the file"
    )
    guard case .failure(let unavailable) = LibCurl.load(["libfineprint-test-no-such-curl.so.4"]) else {
      Issue.record("a library that does not exist was loaded")
      return
    }
    #expect(unavailable.reasons.count == 1 && unavailable.reasons[0].contains("libfineprint-test-no-such-curl.so.4"))
  }

  @Test("The command line links neither libcurl nor FoundationNetworking, so a run that fetches nothing maps none of it")
  func libcurlNotLinked() throws {
    guard let executable = CLIRunner.executable, FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd") else { return }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
    process.arguments = [executable.path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let libraries = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(libraries.contains("libc.so"), "ldd listed: \(libraries)")
    #expect(!libraries.contains("libcurl") && !libraries.contains("FoundationNetworking"), "ldd listed: \(libraries)")
  }

  @Test("Hostile responses: a redirect to file:// (read as a path on the same server) and an endless body")
  func hostileResponses() throws {
    try withServer([:]) { base in
      let start = ContinuousClock.now
      #expect(
        reason { try URLFetcher(timeout: 10).fetch(base + "/file") }
          == "\(base)/file: cannot be read: redirected to a file URL, which FinePrint does not follow")
      #expect(
        reason { try URLFetcher(timeout: 10, maxBytes: 1_048_576).fetch(base + "/endless") }
          == "\(base)/endless: more than the 1 MB limit (raise it with --max-size, or max_size under limits in .fineprint.yml)")
      #expect(ContinuousClock.now - start < .seconds(10))
    }
  }

  /// The resident memory of a process, in bytes (0 once it has exited).
  static func residentBytes(of pid: Int32) -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8) else { return 0 }
    let pages = statm.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  @Test(
    "A gzip bomb (512 MiB inflated) is stopped at the limit as the inflated bytes arrive, however the body is framed",
    arguments: ["/gzip-bomb", "/gzip-bomb-chunked"])
  func gzipBomb(path: String) throws {
    guard FileManager.default.fileExists(atPath: "/proc/self/statm"), let executable = CLIRunner.executable else { return }
    try withServer([:]) { base in
      // A legitimately compressed page is read, inflated.
      let page = try DocumentIngester().ingest(try URLFetcher().fetch(base + "/gzip"))
      #expect(page.text == "We may sell your voice recordings to data brokers.")
      _ = try? URLFetcher().fetch(base + "/gzip-bomb-prepare")  // the server compresses the bomb once, before the clock starts
      let start = ContinuousClock.now
      #expect(
        reason { try URLFetcher(timeout: 20, maxBytes: 1_048_576).fetch(base + path) }
          == "\(base)\(path): more than the 1 MB limit (raise it with --max-size, or max_size under limits in .fineprint.yml)")
      let answered = ContinuousClock.now - start
      #expect(answered < .seconds(5), "the limit was passed at once, but the answer took \(answered)")
      // Peak memory of a `fineprint lint` that fetches the bomb, sampled from its own /proc
      // entry (this test process shares its memory with every test running beside it): a
      // delegate that waited on its cancel let every inflated chunk queue up behind it (1.2 GB
      // for a 1 GiB bomb with a 10 MB limit, 9 s).
      let process = Process()
      process.executableURL = executable
      process.arguments = ["lint", "--no-config", "--max-size", "1", base + path]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      var environment = ProcessInfo.processInfo.environment
      environment["FINEPRINT_CACHE"] = TestSupport.ruleCache
      process.environment = environment
      try process.run()
      var peak = 0
      while process.isRunning {
        peak = max(peak, Self.residentBytes(of: process.processIdentifier))
        usleep(2_000)
      }
      #expect(process.terminationStatus == 2)
      #expect(peak > 0 && peak < 200 * 1_048_576, "fineprint reached \(peak / 1_048_576) MB")
    }
  }

  @Test("The reader of an answer: redirects, the declared length, encodings and the limit, without a network")
  func responseReader() throws {
    var reader = HTTPResponseReader(address: "https://example.com/t", maxBytes: 10, maxRedirects: 2)
    var answers = [reader.redirect(location: "/a", next: URL(string: "https://example.com/a"))]
    answers.append(reader.redirect(location: "file:///etc/passwd", next: URL(string: "https://example.com/etc/passwd")))
    #expect(answers == [true, false])
    #expect(
      reader.failure
        == .unreadable(path: "https://example.com/t", reason: "redirected to a file URL, which FinePrint does not follow"))
    reader = HTTPResponseReader(address: "u", maxBytes: 10, maxRedirects: 1)
    answers = [
      reader.redirect(location: "/a", next: URL(string: "http://h/a")),
      reader.redirect(location: "/b", next: URL(string: "http://h/b")),
    ]
    #expect(answers == [true, false])
    #expect(reader.failure == .unreadable(path: "u", reason: "more than 1 redirects"))
    // A declared length past the limit is refused before the body; an encoded one is counted as it inflates.
    reader = HTTPResponseReader(address: "u", maxBytes: 10, maxRedirects: 1)
    answers = [reader.head(status: 200, headers: ["Content-Length": "11"])]
    #expect(answers == [false])
    #expect(reader.failure == .tooLarge(path: "u", bytes: 11, limit: 10))
    reader = HTTPResponseReader(address: "u", maxBytes: 10, maxRedirects: 1)
    answers = [reader.head(status: 200, headers: ["Content-Length": "11", "content-encoding": "gzip"])]
    answers += [reader.receive(Array("We may ".utf8)), reader.receive(Array("sell it".utf8)), reader.receive(Array("more".utf8))]
    #expect(answers == [true, true, false, false])
    #expect(reader.body.isEmpty && reader.received == 18)
    #expect(reader.failure == .tooLarge(path: "u", bytes: 14, limit: 10))
    // Exactly the limit is read; the transport's cancel after an answer is no error.
    reader = HTTPResponseReader(address: "u", maxBytes: 10, maxRedirects: 1)
    answers = [reader.head(status: 200, headers: ["Content-Type": "text/plain"]), reader.receive(Array("0123456789".utf8))]
    reader.end(error: "cancelled", cancelled: true)
    #expect(answers == [true, true])
    #expect(try reader.input().bytes == Array("0123456789".utf8))
    // A refused redirect leaves the 3xx answer, which is not a document.
    reader = HTTPResponseReader(address: "u", maxBytes: 10, maxRedirects: 1)
    answers = [reader.head(status: 302, headers: [:])]
    reader.end(error: nil, cancelled: false)
    #expect(throws: IngestError.unreadable(path: "u", reason: "HTTP 302 Found")) { try reader.input() }
  }
}
