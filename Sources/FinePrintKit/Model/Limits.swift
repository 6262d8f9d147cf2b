/// How much one document may take. A document from the web or a shared folder can be built to
/// exhaust a machine (a gzip bomb, elements nested a million deep, one endless sentence), so each
/// resource has a limit a user can change in `.fineprint.yml` (`limits:`) or on the command line.
/// A document that exceeds one is refused with an error naming it; the others are still read.
public struct Limits: Sendable, Equatable {
  /// Bytes an input may hold: a file, standard input, a URL's body once inflated, and each part
  /// of a `.docx` once unpacked (`max_size`, `--max-size`, given in megabytes).
  public var maxBytes = 100 * 1_048_576
  /// How deeply elements may nest in HTML, XML and `.docx` (`max_depth`, `--max-depth`).
  public var maxDepth = 256
  /// Clauses longer than this many bytes are cut into pieces of at most this size, with a
  /// warning (`max_clause_bytes`, `--max-clause-bytes`): matching a clause costs more than its
  /// length, and no real sentence comes near it (the longest of 44,597 clauses in the corpora
  /// takes 1,824 bytes).
  public var maxClauseBytes = 10_000
  /// Seconds one document may take from parsing to its findings (`timeout`, `--timeout`).
  public var timeoutSeconds = 60

  public init() {}

  /// The limits nothing overrides.
  public static let standard = Limits()

  /// What each limit may be set to. `max_size`: libxml2 reads at most 2 GB, and a larger number
  /// of megabytes would overflow when counted in bytes; `max_depth`: 2048 is libxml2's own
  /// ceiling for XML read with `XML_PARSE_HUGE`; the others: a day, and a megabyte, are more than
  /// any contract needs.
  public static let maxSizeMegabytes = 1...2047
  public static let maxDepthRange = 1...2048
  public static let maxClauseBytesRange = 100...1_048_576
  public static let timeoutRange = 1...86_400

  /// How to raise a limit, for the error that names it: its option, and its key under
  /// `limits:` in `.fineprint.yml` (`max-size` → `max_size`).
  public static func howToRaise(_ option: String) -> String {
    "raise it with --\(option), or \(option.replacingOccurrences(of: "-", with: "_")) under limits in .fineprint.yml"
  }

  /// The time budget as a deadline from `start`.
  public func deadline(from start: ContinuousClock.Instant = .now) -> ContinuousClock.Instant {
    start + .seconds(timeoutSeconds)
  }
}

extension Limits {
  /// Limits that a configuration or a command line sets, each nil where it says nothing.
  public struct Settings: Sendable, Equatable {
    public var maxSizeMegabytes: Int?
    public var maxDepth: Int?
    public var maxClauseBytes: Int?
    public var timeoutSeconds: Int?

    public init(maxSizeMegabytes: Int? = nil, maxDepth: Int? = nil, maxClauseBytes: Int? = nil, timeoutSeconds: Int? = nil) {
      self.maxSizeMegabytes = maxSizeMegabytes
      self.maxDepth = maxDepth
      self.maxClauseBytes = maxClauseBytes
      self.timeoutSeconds = timeoutSeconds
    }
  }

  /// These limits, with each one `settings` sets replaced.
  public func applying(_ settings: Settings) -> Limits {
    var limits = self
    if let megabytes = settings.maxSizeMegabytes { limits.maxBytes = megabytes * 1_048_576 }
    if let depth = settings.maxDepth { limits.maxDepth = depth }
    if let bytes = settings.maxClauseBytes { limits.maxClauseBytes = bytes }
    if let seconds = settings.timeoutSeconds { limits.timeoutSeconds = seconds }
    return limits
  }
}
