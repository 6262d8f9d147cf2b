/// Reads XML with libxml2, safely: no network, no DTD loading, no external entities, and no
/// entity expansion at all (entity declarations are not even stored), so "billion laughs"
/// and XXE documents are read as the harmless text they contain. Element boundaries are
/// block boundaries; Akoma Ntoso `num`/`heading`/`content` become section headings and
/// clauses, and `docTitle` the title.
public struct XMLIngester: Sendable {
  /// How deeply elements may nest (`Limits.maxDepth`).
  public var maxDepth: Int

  public init(maxDepth: Int = Limits.standard.maxDepth) {
    self.maxDepth = maxDepth
  }

  public func ingest(_ input: InputSource) throws -> Document {
    let parse = try MarkupParse(input, mode: .xml, maxDepth: maxDepth)
    if parse.reader.builder.text.isEmpty {
      if let problem = parse.problem {
        throw IngestError.malformed(path: input.name, line: max(problem.line, 1), column: max(problem.column, 1),
                                    reason: "not well-formed XML: \(problem.message)")
      }
      throw IngestError.noVisibleText(path: input.name, reason: "the XML has no text content")
    }
    var document = parse.document(input, format: .xml)
    if let problem = parse.problem {
      document.warnings.append(
        "\(input.name):\(problem.line):\(problem.column): not well-formed XML (\(problem.message)); read the text that could be recovered")
    }
    return document
  }
}
