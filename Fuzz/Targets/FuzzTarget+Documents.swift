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
    let contentTypes = Array(
      """
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
        blocks.append(
          Block(
            kind: kind, level: kind == .heading || kind == .listItem ? 1 + Int(text[start]) % 9 : 0,
            range: start..<upper, number: number))
      }
      start = end + 1
    }
    var map = SourceMap()
    map.appendVerbatim(textStart: 0, sourceStart: 0, length: text.count)
    let document = Document(
      path: name, format: .plainText, utf8: text, blocks: blocks, sourceMap: map,
      lineIndex: LineIndex(source: text))
    return LintInvariants.violations(of: document, linter: linter)
  }

  /// A server's answers as bytes, driven through `HTTPResponseReader` as `URLFetcher` drives
  /// it: messages of a status line (`HTTP/1.1 302` or `302`) and header lines, each ended by an
  /// empty line; a 301, 302, 303, 307 or 308 message with a `Location` is a redirect the
  /// transport would follow, and the first other one is the answer, whose body is the rest of
  /// the bytes, delivered in chunks of a size its `X-Chunk` field may set. Checks that no more than the limit is ever
  /// kept, that nothing is kept once refused, that no redirect leads off the web or past the
  /// redirect limit, that errors name the URL on one line; then the body as a fetched document.
  static func checkResponse(_ bytes: [UInt8], address: String) -> [String] {
    var reader = HTTPResponseReader(address: address, maxBytes: 48 * 1024, maxRedirects: 3)
    var problems: [String] = []
    var rest = bytes[...]
    var followed = 0
    while true {
      let (status, fields, body) = parseMessage(&rest)
      let location = fields.first { $0.key.lowercased() == "location" }?.value
      if HTTPResponseReader.redirectStatuses.contains(status), let location, followed <= reader.maxRedirects {
        let next = URL(string: location, relativeTo: URL(string: "http://example.com/terms"))?.absoluteURL
        if reader.redirect(location: location, next: next) {
          followed += 1
          let scheme = HTTPResponseReader.redirectScheme(location: location, request: next)
          if !["http", "https"].contains(scheme) {
            problems.append("followed a redirect to \(location.debugDescription) (\(scheme))")
          }
          if followed > reader.maxRedirects {
            problems.append("followed \(followed) redirects, more than \(reader.maxRedirects)")
          }
          continue
        }
      }
      if reader.head(status: status, headers: fields) {
        let size = max(1, fields.first { $0.key.lowercased() == "x-chunk" }.flatMap { Int($0.value) } ?? 4096)
        var start = body.startIndex
        while start < body.endIndex {
          let end = body.index(start, offsetBy: min(size, body.endIndex - start))
          let goOn = reader.receive(body[start..<end])
          if reader.body.count > reader.maxBytes {
            problems.append("kept \(reader.body.count) bytes, past the \(reader.maxBytes) limit")
          }
          if reader.isRefused && !reader.body.isEmpty { problems.append("kept \(reader.body.count) bytes of a refused answer") }
          if !goOn { break }
          start = end
        }
      }
      reader.end(error: nil, cancelled: reader.isRefused)
      break
    }
    let source: InputSource
    do {
      source = try reader.input()
    } catch let error as IngestError {
      return problems + located(error.errorDescription, name: address)
    } catch {
      return problems + ["\(address): refused with \(type(of: error)), not an IngestError"]
    }
    return problems + ingestAndLint(source)
  }

  /// One message off the front of `bytes`: the status (200 when it cannot be read), the header
  /// fields, and everything after the empty line (the body, or the next messages).
  private static func parseMessage(_ bytes: inout ArraySlice<UInt8>) -> (Int, [String: String], ArraySlice<UInt8>) {
    var lines: [ArraySlice<UInt8>] = []
    while let newline = bytes.firstIndex(of: 0x0A) {
      var line = bytes[bytes.startIndex..<newline]
      bytes = bytes[(newline + 1)...]
      if line.last == 0x0D { line = line.dropLast() }
      if line.isEmpty { break }
      lines.append(line)
    }
    let statusWords = String(decoding: lines.first ?? [], as: UTF8.self).split(separator: " ")
    let status = statusWords.lazy.compactMap { Int($0) }.first ?? 200
    var fields: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
      let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces)
      fields[name] = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
    return (status, fields, bytes)
  }
}
