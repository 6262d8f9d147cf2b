/// Reads XML with libxml2, safely: no network, no DTD loading, no external entities, and no
/// entity expansion at all (entity declarations are not even stored), so "billion laughs"
/// and XXE documents are read as the harmless text they contain. Element boundaries are
/// block boundaries; Akoma Ntoso `num`/`heading`/`content` become section headings and
/// clauses, and `docTitle` the title.
public struct XMLIngester: Sendable {
  /// Whether content that is not well-formed XML is read as HTML instead: for an `.xml` name
  /// over content that looks like HTML, which is XML first (Akoma Ntoso shares `<p>` and
  /// `<body>` with HTML) but, when it breaks as XML, is more likely HTML saved under the wrong
  /// name than XML cut short.
  public var fallsBackToHTML: Bool
  /// How deeply elements may nest (`Limits.maxDepth`).
  public var maxDepth: Int

  public init(maxDepth: Int = Limits.standard.maxDepth, fallsBackToHTML: Bool = false) {
    self.maxDepth = maxDepth
    self.fallsBackToHTML = fallsBackToHTML
  }

  /// Parses `input` as XML, recovering what it can from XML that is not well-formed, with a
  /// warning naming the line and column where it broke.
  /// - Throws: `IngestError.malformed` when nothing could be recovered, `.noVisibleText` when
  ///   the XML holds no text.
  public func ingest(_ input: InputSource) throws -> Document {
    let parse = try MarkupParse(input, mode: .xml, maxDepth: maxDepth)
    if fallsBackToHTML, let problem = parse.problem {
      var document = try HTMLIngester(maxDepth: maxDepth).ingest(input)
      document.warnings.insert(
        "\(input.name):\(max(problem.line, 1)):\(max(problem.column, 1)): not well-formed XML (\(problem.message)); read as HTML, which it looks like",
        at: 0)
      return document
    }
    if parse.reader.builder.text.isEmpty {
      if let problem = parse.problem {
        throw IngestError.malformed(
          path: input.name, line: max(problem.line, 1), column: max(problem.column, 1),
          reason: "not well-formed XML: \(problem.message)")
      }
      throw IngestError.noVisibleText(path: input.name, reason: "the XML has no text content")
    }
    var document = parse.document(input, format: .xml)
    if let problem = parse.problem {
      document.warnings.append(
        "\(input.name):\(problem.line):\(problem.column): not well-formed XML (\(problem.message)); read the text that could be recovered"
      )
    }
    return document
  }
}
