/// Rejects inputs that are not documents before a parser sees them: empty files and binaries
/// (images, archives, executables, anything with NUL bytes that is not UTF-16). A `.docx` is a
/// ZIP archive: `DocxPackage` checks it.
public enum InputGuard {
  private static let signatures: [([UInt8], String)] = [
    ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
    ([0xFF, 0xD8, 0xFF], "a JPEG image"),
    ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
    ([0x25, 0x50, 0x44, 0x46], "a PDF file; convert it to text or HTML first"),
    ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive without word/document.xml, so not a Word document"),
    (
      [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
      "an old binary Office file (.doc, .xls) or an encrypted one; save it as .docx"
    ),
    ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
    ([0x1F, 0x8B], "a gzip archive"),
  ]

  /// Throws when `source` is not worth parsing as `format` (for a `.docx`, only when it is empty).
  /// - Throws: `IngestError.empty` when it holds nothing but white space (after any byte-order
  ///   mark, in any of the encodings `TextDecoding` reads); `IngestError.binary` for a known
  ///   binary signature or a NUL byte in the first 64 KiB of a file that is not UTF-16.
  public static func check(_ source: InputSource, as format: DocumentFormat? = nil) throws {
    let bytes = source.bytes
    if isBlank(bytes) { throw IngestError.empty(path: source.name) }
    if format == .docx { return }
    for (magic, what) in signatures where bytes.starts(with: magic) {
      throw IngestError.binary(path: source.name, reason: "it is \(what)")
    }
    let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    if !isUTF16, let nul = bytes.prefix(65_536).firstIndex(of: 0) {
      throw IngestError.binary(path: source.name, reason: "NUL byte at offset \(nul)")
    }
  }

  /// True when the bytes hold no visible character: nothing, or only a byte-order mark and
  /// white space (including form feeds, vertical tabs and no-break spaces).
  static func isBlank(_ bytes: [UInt8]) -> Bool {
    let asciiBlank: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
    let hasMark =
      bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE])
      || bytes.starts(with: [0xFE, 0xFF])
    // Fast path for the usual case: the first byte is already visible.
    if !hasMark, let first = bytes.first(where: { !asciiBlank($0) }), first < 0x80 { return false }
    if !hasMark, !bytes.contains(where: { !asciiBlank($0) }) { return true }
    let decoded = TextDecoding.decode(bytes).utf8
    return String(decoding: decoded, as: UTF8.self).unicodeScalars.allSatisfy { $0.properties.isWhitespace }
  }
}
