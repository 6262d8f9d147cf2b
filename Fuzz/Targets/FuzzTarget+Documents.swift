import Foundation
import ZIPFoundation
import FinePrintKit

extension FuzzTarget {
  /// The first byte chooses: even, the rest is the `.docx` file itself (damaged ZIPs, headers,
  /// sizes); odd, the rest is `word/document.xml`, packed here into a valid `.docx`, so the
  /// fuzzer reaches the WordprocessingML reader through the compression.
  static func checkDocx(_ bytes: [UInt8], name: String) -> [String] {
    guard let mode = bytes.first else { return ingestAndLint(InputSource(name: name, bytes: bytes, declaredFormat: .docx)) }
    let rest = Array(bytes.dropFirst())
    if mode & 1 == 0 { return ingestAndLint(InputSource(name: name, bytes: rest, declaredFormat: .docx)) }
    guard let packed = try? docx(documentXML: rest) else { return ["could not pack a .docx in memory"] }
    return ingestAndLint(InputSource(name: name, bytes: packed, declaredFormat: .docx))
  }

  static func docx(documentXML: [UInt8]) throws -> [UInt8] {
    let contentTypes = Array("""
      <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
      """.utf8)
    let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
    for (path, part) in [("[Content_Types].xml", contentTypes), ("word/document.xml", documentXML)] {
      let data = Data(part)
      try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) {
        position, size in data.subdata(in: Int(position)..<(Int(position) + size))
      }
    }
    return [UInt8](archive.data ?? Data())
  }

  /// The segmenter on blocks the ingesters would not make: each line of the input is a block
  /// whose kind and level its first byte chooses, over text that is exactly the input (repaired
  /// to UTF-8), so every kind of block meets every kind of text.
  static func checkSegmenter(_ bytes: [UInt8], name: String) -> [String] {
    let text = Array(String(decoding: bytes, as: UTF8.self).utf8)
    let kinds: [Block.Kind] = [.heading, .paragraph, .listItem, .tableCell, .preformatted]
    var blocks: [Block] = []
    var start = 0
    for end in text.indices where text[end] == 0x0A || end == text.count - 1 {
      let upper = text[end] == 0x0A ? end : end + 1
      if upper > start {
        let kind = kinds[Int(text[start]) % kinds.count]
        let number: String? = text[start] % 7 == 0 ? String(decoding: text[start..<min(upper, start + 4)], as: UTF8.self) : nil
        blocks.append(Block(kind: kind, level: kind == .heading || kind == .listItem ? 1 + Int(text[start]) % 9 : 0,
                            range: start..<upper, number: number))
      }
      start = end + 1
    }
    var map = SourceMap()
    map.appendVerbatim(textStart: 0, sourceStart: 0, length: text.count)
    let document = Document(path: name, format: .plainText, utf8: text, blocks: blocks, sourceMap: map,
                            lineIndex: LineIndex(source: text))
    return LintInvariants.violations(of: document, linter: linter)
  }

  /// A server's answer as bytes: the first line is the status, the second the Content-Type,
  /// the third a redirect's Location; the rest is the body. Checks the scheme a redirect is
  /// read to lead to (never a file:// one taken for the web), then the body as a fetched
  /// document: sniffed, ingested and linted.
  static func checkResponse(_ bytes: [UInt8], address: String) -> [String] {
    var lines = bytes.split(separator: 0x0A, maxSplits: 3, omittingEmptySubsequences: false).map(Array.init)
    while lines.count < 4 { lines.append([]) }
    let status = Int(String(decoding: lines[0].prefix(6), as: UTF8.self).trimmingCharacters(in: .whitespaces)) ?? 200
    let contentType = String(decoding: lines[1], as: UTF8.self)
    let location = String(decoding: lines[2], as: UTF8.self)
    var problems: [String] = []
    let scheme = URLFetcher.redirectScheme(location: location, request: URL(string: "http://example.com/next"))
    if location.lowercased().hasPrefix("file:") && scheme != "file" {
      problems.append("redirect to \(location.debugDescription) read as a \(scheme) URL")
    }
    let source: InputSource
    do {
      source = try URLFetcher.input(from: address, status: status, contentType: contentType, body: lines[3])
    } catch let error as IngestError {
      return problems + located(error.errorDescription, name: address)
    } catch {
      return problems + ["\(address): refused with \(type(of: error)), not an IngestError"]
    }
    return problems + ingestAndLint(source)
  }
}
