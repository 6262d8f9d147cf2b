/// A paragraph (`w:p`) of a Word document as read: its text and the properties that decide
/// what kind of block it is.
struct DocxParagraph {
  /// UTF-8 text: runs' `w:t`, `w:tab` as a tab, `w:br`/`w:cr` as a line break (`\n`, the only
  /// line break the text holds).
  var text: [UInt8] = []
  /// `w:pPr/w:pStyle/@w:val`.
  var styleID: String?
  /// `w:pPr/w:outlineLvl/@w:val` as written: 0–8 for heading levels 1–9, 9 for body text.
  var outlineLevel: Int?
  /// `w:pPr/w:numPr`: the list level (`w:ilvl`, 0-based) and numbering (`w:numId`, 0 for none).
  var numberingLevel: Int?
  var numberingID: String?
  /// Whether the paragraph is in a table cell.
  var inTable = false

  /// The 1-based list depth when the paragraph is numbered or bulleted.
  var listLevel: Int? {
    guard let id = numberingID, id != "0" else { return nil }
    return (numberingLevel ?? 0) + 1
  }
}

/// Reads a document part (`word/document.xml`) into paragraphs, in document order: every
/// `w:p`, empty ones too, numbered by where it starts. What a reader of the document does not
/// see is left out: deleted and moved-away text (`w:del`, `w:moveFrom`), field instructions
/// (`w:instrText`), hidden runs (`w:vanish`), the old properties of tracked changes, and the
/// `mc:Fallback` copy of content that its `mc:Choice` already holds. A text box's paragraphs
/// nest inside the paragraph that anchors it; they are paragraphs of their own.
final class DocxReader: NamespacedXMLHandler {
  private(set) var paragraphs: [DocxParagraph] = []

  /// Open elements: WordprocessingML ones by local name, others as "".
  private var stack: [String] = []
  /// Paragraphs being read, innermost last.
  private var open: [Int] = []

  /// The 1-based number of the paragraph being read, or of the next one between paragraphs:
  /// where a stopped parse stopped.
  var currentParagraphNumber: Int { (open.last ?? paragraphs.count) + 1 }
  /// The depth at which a subtree whose content is ignored started.
  private var ignoredFrom: Int?
  private var tableCells = 0
  private var runIsHidden = false
  /// The `w:t` being read, and whether it keeps its leading and trailing spaces.
  private var textRun: [UInt8]?
  private var preservesSpace = false

  /// Elements whose whole content a reader does not see.
  private static let ignored: Set<String> = [
    "del", "moveFrom", "delText", "delInstrText", "instrText", "pPrChange", "rPrChange", "sectPrChange",
    "tblPrChange", "tblPrExChange", "trPrChange", "tcPrChange", "numberingChange",
  ]

  func start(_ name: XMLName, attributes: XMLAttributes) {
    let isWord = WordprocessingML.namespaces.contains(name.namespace)
    stack.append(isWord ? name.local : "")
    guard ignoredFrom == nil else { return }
    if name.namespace == WordprocessingML.markupCompatibility && name.local == "Fallback" {
      ignoredFrom = stack.count
      return
    }
    guard isWord else { return }
    let ns = name.namespace
    if Self.ignored.contains(name.local) {
      ignoredFrom = stack.count
      return
    }
    switch name.local {
    case "p":
      paragraphs.append(DocxParagraph(inTable: tableCells > 0))
      open.append(paragraphs.count - 1)
    case "tc":
      tableCells += 1
    case "r":
      runIsHidden = false
    case "vanish" where parent(is: "rPr") && grandparent(is: "r"):
      runIsHidden = WordprocessingML.isOn(attributes, namespace: ns)
    case "pStyle" where parent(is: "pPr"):
      setProperty { $0.styleID = WordprocessingML.value(attributes, namespace: ns) }
    case "outlineLvl" where parent(is: "pPr"):
      setProperty { $0.outlineLevel = WordprocessingML.value(attributes, namespace: ns).flatMap { Int($0) } }
    case "ilvl" where parent(is: "numPr"):
      setProperty { $0.numberingLevel = WordprocessingML.value(attributes, namespace: ns).flatMap { Int($0) } }
    case "numId" where parent(is: "numPr"):
      setProperty { $0.numberingID = WordprocessingML.value(attributes, namespace: ns) }
    case "t" where parent(is: "r"):
      textRun = []
      preservesSpace = attributes[WordprocessingML.xml, "space"] == "preserve"
    case "tab" where parent(is: "r"), "ptab" where parent(is: "r"):
      append([0x09])
    case "br" where parent(is: "r"), "cr" where parent(is: "r"):
      append([0x0A])
    case "noBreakHyphen" where parent(is: "r"):
      append([UInt8(ascii: "-")])
    default:
      break
    }
  }

  func end(_ name: XMLName) {
    guard let local = stack.popLast() else { return }
    if let from = ignoredFrom {
      if stack.count < from { ignoredFrom = nil }
      return
    }
    switch local {
    case "p":
      if !open.isEmpty { open.removeLast() }
    case "tc":
      tableCells = max(0, tableCells - 1)
    case "r":
      runIsHidden = false
    case "t":
      endTextRun()
    default:
      break
    }
  }

  /// Adds the `w:t` just read: without `xml:space="preserve"`, Word drops its leading and
  /// trailing spaces; a line break written inside it is a space (only `w:br` breaks a line).
  private func endTextRun() {
    guard var run = textRun else { return }
    textRun = nil
    for i in run.indices where run[i] == 0x0A || run[i] == 0x0D { run[i] = 0x20 }
    if !preservesSpace {
      let isSpace = { (b: UInt8) in b == 0x20 || b == 0x09 }
      while let last = run.last, isSpace(last) { run.removeLast() }
      run.removeFirst(run.prefix(while: isSpace).count)
    }
    append(run)
  }

  func characters(_ text: UnsafeBufferPointer<UInt8>) {
    guard ignoredFrom == nil, textRun != nil else { return }
    textRun?.append(contentsOf: text)
  }

  /// Keeps the text of a `w:t` that XML cut short never closed.
  func finish() {
    if textRun != nil { endTextRun() }
  }

  // MARK: - Helpers

  private func parent(is local: String) -> Bool {
    stack.count >= 2 && stack[stack.count - 2] == local
  }

  private func grandparent(is local: String) -> Bool {
    stack.count >= 3 && stack[stack.count - 3] == local
  }

  /// Sets a property of the paragraph whose `w:pPr` is open (the innermost paragraph).
  private func setProperty(_ change: (inout DocxParagraph) -> Void) {
    guard grandparent(is: "pPr") || parent(is: "pPr"), let index = open.last else { return }
    // w:pPr must be the paragraph's own: p > pPr > property, or p > pPr > numPr > ilvl.
    let pPrIndex = parent(is: "pPr") ? stack.count - 2 : stack.count - 3
    guard pPrIndex >= 1, stack[pPrIndex - 1] == "p" else { return }
    change(&paragraphs[index])
  }

  /// Adds visible text to the innermost open paragraph, unless its run is hidden.
  private func append(_ bytes: [UInt8]) {
    guard !runIsHidden, let index = open.last, !bytes.isEmpty else { return }
    paragraphs[index].text.append(contentsOf: bytes)
  }
}
