import Foundation

/// A headless Chromium for the page tests: dumps a page's DOM after it loaded, takes
/// screenshots. Every run gets its own temporary profile and is killed if it hangs.
struct HeadlessChromium {
  /// `chromium` or `chromium-browser` on PATH, if either is.
  static let executable: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for name in ["chromium", "chromium-browser"] {
      for dir in path.split(separator: ":") {
        let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
      }
    }
    return nil
  }()

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  var executable: URL
  /// Seconds before a run is killed.
  var timeout: TimeInterval = 60

  /// The DOM of `page` once loaded (scripts run), as Chromium serialises it.
  func dumpDOM(_ page: URL, width: Int = 1280, height: Int = 1600, extra: [String] = []) throws -> String {
    try run(extra + ["--window-size=\(width),\(height)", "--dump-dom", page.absoluteString])
  }

  /// A PNG of the top `width` × `height` pixels of `page`.
  func screenshot(_ page: URL, to png: URL, width: Int, height: Int) throws {
    _ = try run(["--hide-scrollbars", "--screenshot=\(png.path)", "--window-size=\(width),\(height)", page.absoluteString])
  }

  /// Runs Chromium and returns its standard output.
  func run(_ arguments: [String]) throws -> String {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-chromium-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = scratch.appendingPathComponent("stdout")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: out)
    defer { try? outHandle.close() }

    let process = Process()
    process.executableURL = executable
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
        "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
      ] + arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = outHandle
    process.standardError = FileHandle.nullDevice  // D-Bus complaints, not ours to read
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(50_000) }
    if process.isRunning {
      // SIGKILL, not terminate(): a child spawned from a dispatch thread inherits its blocked SIGTERM.
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      throw Failure(description: "chromium \(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s")
    }
    guard process.terminationStatus == 0 else {
      throw Failure(description: "chromium \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
    }
    return String(decoding: try Data(contentsOf: out), as: UTF8.self)
  }
}
