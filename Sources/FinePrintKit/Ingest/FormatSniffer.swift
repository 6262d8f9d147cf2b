import Foundation

/// Decides whether bytes are plain text, HTML, XML or a Word document: from the file name's
/// extension, checked against the content, because extensions lie (an `.html` that is a
/// plain-text export, an XML file saved as `.txt`, standard input with no name at all).
public enum FormatSniffer {
  /// The format an extension promises, if it promises one.
  public static func format(forExtension ext: String) -> DocumentFormat? {
    DocumentFormat(extension: ext)
  }

  /// The format the content shows, looking at its first non-blank bytes (for a ZIP archive,
  /// whether it holds `word/document.xml`).
  public static func sniff(_ bytes: [UInt8]) -> DocumentFormat {
    evidence(bytes).format
  }

  /// What the content shows, and whether it says "HTML" itself (an HTML doctype or an `html`
  /// root) rather than merely using tags HTML shares with XML vocabularies: Akoma Ntoso has
  /// `<body>`, `<p>`, `<ul>`, `<table>` and `<span>` too, so such tags alone cannot overrule an
  /// `.xml` name.
  private static func evidence(_ bytes: [UInt8]) -> (format: DocumentFormat, declaresHTML: Bool) {
    if DocxPackage.isDocx(bytes) { return (.docx, false) }
    // The head as bytes, ASCII letters lowered: every mark looked for is ASCII, and this runs
    // for every input (a String here cost more than parsing a short text).
    var head: [UInt8]
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      // UTF-16: decode a head of whole code units (an odd count would lose the last one anyway).
      head = TextDecoding.decode(Array(bytes.prefix(4098))).utf8
    } else {
      let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      head = Array(bytes[start..<max(start, min(bytes.count, start + 2048))])
    }
    for i in head.indices where head[i] >= 0x41 && head[i] <= 0x5A { head[i] |= 0x20 }
    let first = firstVisible(head)
    func opensWith(_ prefix: String) -> Bool { head[first...].starts(with: prefix.utf8) }
    if opensWith("<!doctype html") || opensWith("<html") { return (.html, true) }
    if opensWith("<?xml") {
      return head.contains(bytes: Array("<html".utf8)) ? (.html, true) : (.xml, false)
    }
    let htmlTags = [
      "<html", "<body", "<head", "<p>", "<p ", "<div", "<h1", "<h2", "<h3", "<table", "<ul", "<ol", "<li>",
      "<br", "<strong", "<b>", "<em>", "<a href", "<span", "</p>", "</div>", "</a>",
    ]
    // Markup opens with a tag, a comment, a declaration or a processing instruction; text may
    // merely start with "<" ("< 18 year olds…", "<<IMPORTANT>>").
    if opensWith("<"), first + 1 < head.count,
      startsWithLetter(head, at: first + 1) || head[first + 1] == UInt8(ascii: "!")
        || head[first + 1] == UInt8(ascii: "?")
    {
      for tag in htmlTags where head.contains(bytes: Array(tag.utf8)) { return (.html, false) }
      return (opensWith("<!--") ? .html : .xml, false)
    }
    // Text with HTML tags in it (an export that starts with a title line) is HTML.
    let tags = htmlTags.map { Array($0.utf8) }
    var tagCount = 0
    for i in head.indices where head[i] == UInt8(ascii: "<") {
      if tags.contains(where: { tag in head.count - i >= tag.count && head[i..<(i + tag.count)].elementsEqual(tag) }) {
        tagCount += 1
        if tagCount >= 2 { return (.html, false) }
      }
    }
    return (.plainText, false)
  }

  /// The index of the first byte of `head` that does not encode white space.
  private static func firstVisible(_ head: [UInt8]) -> Int {
    var i = 0
    while i < head.count, let (character, length) = character(head, at: i), character.isWhitespace { i += length }
    return i
  }

  /// Whether the character starting at byte `i` is a letter.
  private static func startsWithLetter(_ head: [UInt8], at i: Int) -> Bool {
    character(head, at: i)?.character.isLetter == true
  }

  /// The character that starts at byte `i` and its length in bytes; nil when cut short.
  private static func character(_ head: [UInt8], at i: Int) -> (character: Character, length: Int)? {
    let length = head[i] < 0x80 ? 1 : head[i] >= 0xF0 ? 4 : head[i] >= 0xE0 ? 3 : 2
    guard i + length <= head.count, let character = String(decoding: head[i..<(i + length)], as: UTF8.self).first
    else { return nil }
    return (character, length)
  }

  /// The format to parse `source` as: the declared one, else the extension's unless the content
  /// plainly says otherwise, else the content's. An `.xml` name whose content only looks like
  /// HTML stays XML (`XMLIngester` reads it as HTML, with a warning, if it is not XML at all);
  /// one whose content declares HTML (XHTML) is HTML.
  public static func resolve(_ source: InputSource) -> DocumentFormat {
    if let declared = source.declaredFormat { return declared }
    let (sniffed, declaresHTML) = evidence(source.bytes)
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
    return promised == .xml && declaresHTML ? .html : promised
  }
}
