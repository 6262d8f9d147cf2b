/// How the ingesters treat each element: what is hidden, what is a block, what is a heading.
enum MarkupElements {
  /// HTML elements whose content no reader sees.
  static let htmlHidden: Set<String> = [
    "script", "style", "noscript", "template", "head", "svg", "math", "canvas", "iframe", "object", "embed",
    "select", "datalist", "audio", "video", "map",
  ]
  /// Elements that hold a page's own content: a header or footer inside one belongs to it.
  static let htmlContent: Set<String> = ["article", "main"]
  /// ARIA roles of a site's navigation, wherever they stand.
  static let navigationRoles: Set<String> = ["navigation", "menubar"]
  /// ARIA roles of a page's banner, footer and search box.
  static let pageChromeRoles: Set<String> = ["banner", "contentinfo", "search"]

  /// Whether an element is the site around the terms, not the terms: navigation anywhere, and a
  /// page's header and footer (those outside an `article` or `main`, or marked by their role).
  static func isSiteChrome(_ name: String, role: String?, insideContent: Bool) -> Bool {
    if name == "nav" || role.map(navigationRoles.contains) == true { return true }
    guard !insideContent else { return false }
    return name == "header" || name == "footer" || role.map(pageChromeRoles.contains) == true
  }

  /// HTML elements that start and end a block of text; inline elements (b, a, span…) do not.
  static let htmlBlocks: Set<String> = [
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
    "thead", "tbody", "tfoot", "caption", "section", "article", "blockquote", "header", "footer", "nav", "aside",
    "main", "form", "fieldset", "legend", "pre", "hr", "address", "figure", "figcaption", "details", "summary",
    "body", "html", "center", "dialog", "menu", "label", "button", "title",
  ]
  /// XML elements that stay inside the text around them (Akoma Ntoso inline elements and
  /// common presentational ones).
  static let xmlInline: Set<String> = [
    "b", "i", "u", "em", "strong", "span", "a", "sup", "sub", "ref", "mref", "rref", "term", "def", "abbr", "inline",
    "mark", "date", "time", "person", "organization", "location", "concept", "quantity", "entity", "role", "event",
    "object", "process", "docnumber", "docdate", "docproponent", "shortTitle", "affectedDocument", "noteRef", "eol",
    "br", "img", "marker", "placeholder", "fillIn", "signature", "party",
  ]
  /// Akoma Ntoso containers whose `num` and `heading` make a heading.
  static let aknHierarchy: Set<String> = [
    "part", "chapter", "section", "subsection", "article", "paragraph", "subparagraph", "clause", "subclause",
    "point", "title", "subtitle", "book", "tome", "division", "subdivision", "rule", "subrule", "list", "alinea",
    "indent", "item", "level", "hcontainer", "tblock", "annex", "attachment",
  ]
  /// XML elements that read as headings in generic XML.
  static let xmlHeadings: Set<String> = [
    "title", "heading", "head", "h1", "h2", "h3", "h4", "h5", "h6", "subheading", "doctitle",
  ]
  /// XML subtrees that hold metadata, not text (Akoma Ntoso `meta`).
  static let xmlHidden: Set<String> = ["meta", "metadata", "script", "style", "proprietary", "references", "identification"]

  /// Whether an inline style hides the element.
  static func styleHides(_ style: String) -> Bool {
    // Most pages put a style on many elements: an ASCII one is read as bytes.
    guard style.utf8.allSatisfy({ $0 < 0x80 }) else {
      let compact = style.lowercased().filter { !$0.isWhitespace }
      return compact.contains("display:none") || compact.contains("visibility:hidden")
    }
    let compact = style.utf8.compactMap { b -> UInt8? in
      b == 0x20 || (b >= 0x09 && b <= 0x0D) ? nil : (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b)
    }
    return compact.contains(bytes: Array("display:none".utf8)) || compact.contains(bytes: Array("visibility:hidden".utf8))
  }

  /// The marker an ordered list shows for item `n` (1-based) in `type` (1, a, A, i, I).
  static func listMarker(_ n: Int, type: String) -> String {
    switch type {
    case "a", "A":
      var value = n
      var letters = ""
      while value > 0 {
        value -= 1
        letters = String(UnicodeScalar(UInt8(97 + value % 26))) + letters
        value /= 26
      }
      return (type == "A" ? letters.uppercased() : letters) + "."
    case "i", "I":
      let numerals: [(Int, String)] = [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
      ]
      var value = max(n, 1)
      var roman = ""
      for (amount, letters) in numerals {
        while value >= amount {
          roman += letters
          value -= amount
        }
      }
      return (type == "I" ? roman.uppercased() : roman) + "."
    default:
      return "\(n)."
    }
  }
}
