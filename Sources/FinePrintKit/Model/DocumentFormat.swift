/// The kinds of input FinePrint reads.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
  case plainText = "text"
  case html
  case xml
  /// Word (Office Open XML); positions are paragraph numbers, not lines (see `DocxIngester`).
  case docx
}
