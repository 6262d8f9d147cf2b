/// FinePrint's version, reported in SARIF and `--version`.
public enum FinePrintVersion {
  public static let current = "0.1.0"
}
