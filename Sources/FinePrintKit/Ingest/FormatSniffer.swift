import Foundation

/// Decides whether bytes are plain text, HTML, XML or a Word document: from the file name's
/// extension, checked against the content, because extensions lie (an `.html` that is a
/// plain-text export, an XML file saved as `.txt`, standard input with no name at all).
public enum FormatSniffer {
  /// The format an extension promises, if it promises one.
  public static func format(forExtension ext: String) -> DocumentFormat? {
    switch ext.lowercased() {
    case "html", "htm", "xhtml": return .html
    case "xml", "akn": return .xml
    case "txt", "md", "markdown", "text": return .plainText
    case "docx", "docm", "dotx": return .docx
    default: return nil
    }
  }

  /// The format the content shows, looking at its first non-blank bytes (for a ZIP archive,
  /// whether it holds `word/document.xml`).
  public static func sniff(_ bytes: [UInt8]) -> DocumentFormat {
    if DocxPackage.isDocx(bytes) { return .docx }
    let head: String
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      // UTF-16: decode a head of whole code units (an odd count would lose the last one anyway).
      head = String(decoding: TextDecoding.decode(Array(bytes.prefix(4098))).utf8, as: UTF8.self).lowercased()
    } else {
      let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      head = String(decoding: bytes[start..<max(start, min(bytes.count, start + 2048))], as: UTF8.self).lowercased()
    }
    let trimmed = head.drop { $0.isWhitespace }
    if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") { return .html }
    if trimmed.hasPrefix("<?xml") {
      return head.contains("<html") ? .html : .xml
    }
    let htmlTags = ["<html", "<body", "<head", "<p>", "<p ", "<div", "<h1", "<h2", "<h3", "<table", "<ul", "<ol", "<li>",
                    "<br", "<strong", "<b>", "<em>", "<a href", "<span", "</p>", "</div>", "</a>"]
    // Markup opens with a tag, a comment, a declaration or a processing instruction; text may
    // merely start with "<" ("< 18 year olds…", "<<IMPORTANT>>").
    if trimmed.hasPrefix("<"), let next = trimmed.dropFirst().first, next.isLetter || next == "!" || next == "?" {
      for tag in htmlTags where head.contains(tag) { return .html }
      return trimmed.hasPrefix("<!--") ? .html : .xml
    }
    // Text with HTML tags in it (an export that starts with a title line) is HTML.
    let headBytes = Array(head.utf8)
    let tags = htmlTags.map { Array($0.utf8) }
    var tagCount = 0
    for i in headBytes.indices where headBytes[i] == UInt8(ascii: "<") {
      if tags.contains(where: { tag in headBytes.count - i >= tag.count && headBytes[i..<(i + tag.count)].elementsEqual(tag) }) {
        tagCount += 1
        if tagCount >= 2 { return .html }
      }
    }
    return .plainText
  }

  /// The format to parse `source` as: the declared one, else the extension's unless the content
  /// plainly says otherwise, else the content's.
  public static func resolve(_ source: InputSource) -> DocumentFormat {
    if let declared = source.declaredFormat { return declared }
    let sniffed = sniff(source.bytes)
    let ext = source.name.split(separator: "/").last.flatMap { name -> String? in
      guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
      return String(name[name.index(after: dot)...])
    }
    guard let ext, let promised = format(forExtension: ext) else { return sniffed }
    if sniffed == .docx { return .docx }
    // A damaged or encrypted .docx is still read as one, to say what is wrong with it.
    if promised == .docx { return DocxPackage.isContainer(source.bytes) ? .docx : sniffed }
    // Markup saved as .txt is still markup; text saved as .html is still text.
    if promised == .plainText { return sniffed == .plainText ? .plainText : sniffed }
    if sniffed == .plainText { return .plainText }
    return promised == .xml && sniffed == .html ? .html : promised
  }
}
