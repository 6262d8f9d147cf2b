import Foundation

/// A progress bar for long runs, drawn through the caller's `draw` (the command line writes it to
/// standard error; the library never prints), only when standard error is a terminal (never in
/// CI logs or when piped) and only once a run has lasted long enough to need one. Safe to advance
/// from many threads.
public final class ProgressBar: @unchecked Sendable {
  private let total: Int
  private let label: String
  private let enabled: Bool
  private let start = Date()
  private let lock = NSLock()
  private var done = 0
  private var lastDraw = Date.distantPast
  private var drawn = false
  private let draw: @Sendable (String) -> Void
  /// Runs shorter than this show no bar.
  static let delay: TimeInterval = 0.5
  static let width = 30

  /// - Parameters:
  ///   - enabled: whether to draw at all; by default, when standard error is a terminal, `TERM`
  ///     is not `dumb` and `CI` is unset.
  ///   - draw: writes a line of the bar (with its carriage return) where the user sees it.
  public init(total: Int, label: String = "documents", enabled: Bool? = nil, draw: @escaping @Sendable (String) -> Void) {
    self.total = total
    self.label = label
    self.draw = draw
    let environment = ProcessInfo.processInfo.environment
    self.enabled = enabled ?? (isatty(2) != 0 && environment["TERM"] != "dumb" && environment["CI"] == nil && total > 1)
  }

  /// One more item finished.
  public func advance() {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    done += 1
    let now = Date()
    guard now.timeIntervalSince(start) >= Self.delay, now.timeIntervalSince(lastDraw) >= 0.1 || done == total else { return }
    lastDraw = now
    drawn = true
    draw(Self.line(done: done, total: total, label: label))
  }

  /// Clears the bar, leaving the terminal as it was.
  public func finish() {
    lock.lock()
    defer { lock.unlock() }
    guard drawn else { return }
    draw("\r\u{1B}[2K")
    drawn = false
  }

  /// `\r[#########.....................] 312/1000 documents`
  public static func line(done: Int, total: Int, label: String) -> String {
    let filled = total == 0 ? width : min(width, done * width / total)
    return "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      + "] \(done)/\(total) \(label)"
  }
}
