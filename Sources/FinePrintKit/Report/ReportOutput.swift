/// Where a report's bytes go as a reporter writes them (standard output, a file, memory), so a
/// large report is written piece by piece and never held whole.
public protocol ReportOutput: AnyObject {
  /// Takes the next bytes of the report.
  /// - Throws: when they cannot be written (a full disk, a closed pipe); the reporter stops.
  func write(_ bytes: [UInt8]) throws
}

/// A report collected in memory: what `Reporter.render` returns.
public final class ReportBuffer: ReportOutput {
  public private(set) var bytes: [UInt8] = []

  public init() {}

  public func write(_ bytes: [UInt8]) {
    self.bytes += bytes
  }

  /// The report as text.
  public var text: String { String(decoding: bytes, as: UTF8.self) }
}
