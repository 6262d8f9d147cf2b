/// The kinds of input FinePrint reads.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
  case plainText = "text"
  case html
  case xml
}
