/// The kinds of input FinePrint reads.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
  case plainText = "text"
  case html
  case xml
  /// Word (Office Open XML); positions are paragraph numbers, not lines (see `DocxIngester`).
  case docx
}

extension DocumentFormat {
  /// The file extensions that promise each format, the one list that naming a file, walking a
  /// folder and the help and error texts all read (lower case, without the dot).
  public var extensions: [String] {
    switch self {
    case .html: return ["html", "htm", "xhtml"]
    case .xml: return ["xml", "akn"]
    case .plainText: return ["txt", "md", "markdown", "text"]
    case .docx: return ["docx", "docm", "dotx"]
    }
  }

  /// The format an extension promises, if it promises one (any case).
  public init?(extension ext: String) {
    guard let format = Self.allCases.first(where: { $0.extensions.contains(ext.lowercased()) }) else { return nil }
    self = format
  }

  /// Every extension FinePrint reads, as help and error texts show them: ".html, .htm, …".
  public static var extensionList: String {
    [html, xml, plainText, docx].flatMap(\.extensions).map { "." + $0 }.joined(separator: ", ")
  }
}
