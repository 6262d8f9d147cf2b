/// When a run fails (exit 1): a finding at or above a severity, or `never`. `lint --fail-on`,
/// `diff --fail-on` and `fail_on:` in `.fineprint.yml` all take it.
public enum FailThreshold: String, Sendable, CaseIterable {
  case error, warning, info, never

  /// What a run takes when nothing says otherwise.
  public static let standard = FailThreshold.warning

  /// The lowest severity that fails the run; nil for `never`.
  public var severity: Severity? { Severity(rawValue: rawValue) }
}
