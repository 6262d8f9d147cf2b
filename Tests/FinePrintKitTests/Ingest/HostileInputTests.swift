import Foundation
import Testing
@testable import FinePrintKit

/// Regression tests for the hostile inputs of issue 16: each builds its input here, small, and
/// checks that reading it is a clear error (or a correct reading), never a crash or a hang.
@Suite("Hostile input")
struct HostileInputTests {
  typealias B = DocxBuilder

  /// Ingests `bytes` as `name`; the error, if any, must be an `IngestError` naming the file on one line.
  @discardableResult
  private func read(_ bytes: [UInt8], name: String, maxBytes: Int = 100 * 1_048_576) -> Result<Document, IngestError> {
    do {
      return .success(try DocumentIngester(maxBytes: maxBytes).ingest(InputSource(name: name, bytes: bytes)))
    } catch let error as IngestError {
      #expect(error.path == name)
      #expect(error.errorDescription?.hasPrefix("\(name):") == true)
      #expect(error.errorDescription?.contains("\n") == false)
      return .failure(error)
    } catch {
      Issue.record("\(name): not an IngestError: \(error)")
      return .failure(.unreadable(path: name, reason: "\(error)"))
    }
  }

  private func message(_ result: Result<Document, IngestError>) -> String? {
    if case .failure(let error) = result { return error.errorDescription }
    return nil
  }

  private static func setU32(_ bytes: inout [UInt8], at i: Int, _ value: UInt32) {
    for k in 0..<4 { bytes[i + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
  }

  /// Where the end-of-central-directory record starts.
  private static func endRecord(_ bytes: [UInt8]) throws -> Int {
    try #require((0...(bytes.count - 22)).reversed().first { bytes[$0..<($0 + 4)].elementsEqual([0x50, 0x4B, 0x05, 0x06]) })
  }

  // MARK: - ZIP directories that point outside the file (ZIPFoundation trapped: SIGILL)

  @Test("A ZIP whose central directory points past the end is an error under any name, not a crash")
  func centralDirectoryPastTheEnd() throws {
    var bytes = try B.docx(B.p("We may sell your data."))
    let end = try Self.endRecord(bytes)
    let size = Int(bytes[end + 12]) | Int(bytes[end + 13]) << 8
    Self.setU32(&bytes, at: end + 16, UInt32(bytes.count + 1_000))
    #expect(
      message(read(bytes, name: "terms.docx"))
        == "terms.docx: not a readable Word document: the ZIP archive is damaged or cut short (its central directory (offset \(bytes.count + 1_000), \(size) bytes) lies outside the file (\(bytes.count) bytes))"
    )
    // Under other names, and with no name (standard input): the format sniffer opens every ZIP.
    for name in ["terms.txt", "terms.html", "terms.xml", "-", "terms"] {
      #expect(message(read(bytes, name: name)) != nil, "\(name)")
    }
    // A directory size that runs past the end.
    var long = try B.docx(B.p("We may sell your data."))
    Self.setU32(&long, at: try Self.endRecord(long) + 12, 0xFFFF_0000)
    #expect(message(read(long, name: "terms.docx"))?.contains("lies outside the file") == true)
  }

  @Test("A directory entry whose local header lies past the end is an error, not a crash")
  func localHeaderPastTheEnd() throws {
    var bytes = try B.docx(B.p("We may sell your data."))
    let record = try #require(B.directoryRecord("word/document.xml", in: bytes))
    Self.setU32(&bytes, at: record + 42, 0x4000_0000)
    #expect(
      message(read(bytes, name: "terms.docx"))
        == "terms.docx: not a readable Word document: the ZIP archive is damaged or cut short (its entry word/document.xml points past the end of the file)"
    )
    #expect(message(read(bytes, name: "-")) != nil)
  }

  @Test("A ZIP entry whose name holds a line break is named on one line (found by the docx fuzz target)")
  func entryNameWithALineBreak() throws {
    var bytes = try B.docx(B.p("We may sell your data."))
    let record = try #require(B.directoryRecord("word/document.xml", in: bytes))
    Self.setU32(&bytes, at: record + 42, 0x4000_0000)
    bytes[record + 46 + 4] = 0x0A  // "word/document.xml" becomes "word\ndocument.xml" in the directory
    let error = try #require(message(read(bytes, name: "terms.docx")))
    #expect(
      error
        == "terms.docx: not a readable Word document: the ZIP archive is damaged or cut short (its entry word\\ndocument.xml points past the end of the file)"
    )
  }

  @Test("The minimal 300-byte hostile ZIP of the issue: a directory entry and an end record pointing nowhere")
  func tinyHostileZip() throws {
    // A local header, then an end record whose directory lies 2 GB away.
    var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26) + Array("word/document.xml".utf8)
    bytes += Array(repeating: 0x41, count: 300 - bytes.count - 22)
    var end: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0] + Array(repeating: 0, count: 10)
    Self.setU32(&end, at: 12, 46)
    Self.setU32(&end, at: 16, 0x7FFF_FFF0)
    bytes += end
    #expect(bytes.count == 300)
    for name in ["a.docx", "a.txt", "-"] { #expect(message(read(bytes, name: name)) != nil) }
  }

  @Test("Mutated .docx files (bit flips, byte changes, cuts) are read or refused, never a crash")
  func mutatedDocx() throws {
    let original = try B.docx(
      B.p("Terms", style: "Heading1") + B.p("We may sell your data to our partners.")
        + B.p("You waive any right to a jury trial."), styles: "")
    var generator = SplitMix(seed: 16)
    var refused = 0
    for round in 0..<300 {
      var bytes = original
      switch round % 3 {
      case 0:
        for _ in 0..<(1 + Int(generator.next() % 4)) {
          let i = Int(generator.next() % UInt64(bytes.count))
          bytes[i] ^= UInt8(1) << UInt8(generator.next() % 8)
        }
      case 1:
        // Header fields: sizes, offsets, name lengths in the local headers and the directory.
        let signatures = (0..<(bytes.count - 4)).filter { bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B }
        let at = signatures[Int(generator.next() % UInt64(signatures.count))] + 4 + Int(generator.next() % 42)
        if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: generator.next()) }
      default:
        bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count))))
      }
      if case .failure = read(bytes, name: "m\(round).docx") { refused += 1 }
    }
    #expect(refused > 0)
  }
}

extension HostileInputTests {
  // MARK: - Inputs that are not regular files

  @Test("/dev/zero stops at the size limit as it is read; it is not read without end")
  func endlessDevice() throws {
    guard FileManager.default.fileExists(atPath: "/dev/zero") else { return }
    let start = ContinuousClock.now
    #expect(throws: IngestError.tooLarge(path: "/dev/zero", bytes: 1_048_576 + 65_536, limit: 1_048_576)) {
      try InputCollector(maxBytes: 1_048_576).read("/dev/zero")
    }
    #expect(
      IngestError.tooLarge(path: "/dev/zero", bytes: 1_048_576 + 65_536, limit: 1_048_576).errorDescription
        == "/dev/zero: more than the 1 MB limit (raise it with --max-size, or max_size under limits in .fineprint.yml)")
    #expect(ContinuousClock.now - start < .seconds(10))
  }

  @Test("A FIFO nobody writes to is an error after the pipe timeout, not a wait forever; one that is written to is read")
  func namedPipe() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("terms.txt").path
    #expect(mkfifo(fifo, 0o600) == 0)
    var collector = InputCollector()
    collector.pipeTimeout = 1
    let start = ContinuousClock.now
    #expect(throws: IngestError.unreadable(path: fifo, reason: "it is a named pipe (FIFO) that no one wrote to for 1 seconds")) {
      try collector.read(fifo)
    }
    #expect(ContinuousClock.now - start < .seconds(5))
    // A writer that comes a little later is waited for.
    let writer = Thread {
      usleep(200_000)
      let fd = open(fifo, O_WRONLY)
      _ = "We may sell your data.".withCString { write(fd, $0, 22) }
      close(fd)
    }
    writer.start()
    collector.pipeTimeout = 10
    #expect(try collector.read(fifo).bytes == Array("We may sell your data.".utf8))
    // A folder is not read as a file.
    #expect(throws: IngestError.unreadable(path: dir.path, reason: "it is a directory")) { try collector.read(dir.path) }
  }

  // MARK: - The command line: output that cannot be written, closed streams, bad limits

  /// Runs a shell script with `$B` the fineprint binary, `$F` a small document and `$T` a
  /// scratch folder; each case writes its exit status to `$T/<case>.rc` and its standard error
  /// to `$T/<case>.err`. One shell, so the test spawns little.
  private func shell(_ script: String, files: [String: [UInt8]] = [:]) throws
    -> (dir: URL, status: (String) -> Int32?, stderr: (String) -> String, stdout: (String) -> String)
  {
    let binary = try #require(CLIRunner.executable)
    let dir = try TestSupport.temporaryDirectory()
    for (path, bytes) in files {
      let url = dir.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
    let document = dir.appendingPathComponent("terms.txt")
    try Data("Any dispute will be resolved by binding arbitration.\n".utf8).write(to: document)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script, "sh"]
    var environment = ProcessInfo.processInfo.environment
    environment["B"] = binary.path
    environment["F"] = document.path
    environment["T"] = dir.path
    environment["NO_COLOR"] = "1"
    environment["FINEPRINT_CACHE"] = TestSupport.ruleCache
    process.environment = environment
    process.currentDirectoryURL = dir
    try process.run()
    process.waitUntilExit()
    let read = { (name: String) in (try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)) ?? "" }
    return (
      dir, { Int32(read("\($0).rc").trimmingCharacters(in: .whitespacesAndNewlines)) }, { read("\($0).err") },
      { read("\($0).out") }
    )
  }

  @Test(
    "Output that cannot be written is exit 2 naming it; closed streams are one-line errors",
    .enabled(if: CLIRunner.executable != nil))
  func unwritableOutput() throws {
    let hasFull =
      (try? FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType) == .typeCharacterSpecial
    var hostileZip = try B.docx(B.p("We may sell your data."))
    Self.setU32(&hostileZip, at: try Self.endRecord(hostileZip) + 16, 0x7FFF_0000)
    let run = try shell(
      """
      run() { name=$1; shift; "$@" 2> "$T/$name.err"; echo $? > "$T/$name.rc"; }
      run folder "$B" lint "$T/folder" > "$T/folder.out"
      run stdin-zip "$B" lint - < "$T/folder/bad.docx"
      run stdin-closed "$B" lint - <&-
      run stdout-closed "$B" lint "$F" >&-
      ln -s "$T/report.txt" "$T/link"; echo old > "$T/report.txt"
      run link "$B" lint "$F" --format json --output "$T/link"
      mkfifo "$T/fifo"; cat "$T/fifo" > "$T/fifo.out" & run fifo "$B" lint "$F" --output "$T/fifo"; wait
      run huge-size "$B" lint --max-size 99999999999999999999 "$F"
      run overflow-size "$B" lint --max-size 9999999999999 "$F"
      if [ -c /dev/full ]; then
        ln -s /dev/full "$T/full"
        run stdout-full "$B" lint "$F" > /dev/full
        run output-full "$B" lint "$F" --output "$T/full"
        run summary-full "$B" summarize "$F" --output "$T/full"
      fi
      """,
      files: [
        "folder/bad.docx": hostileZip, "folder/renamed.txt": hostileZip,
        "folder/good.txt": Array("Any dispute will be resolved by binding arbitration.\n".utf8),
      ])
    defer { try? FileManager.default.removeItem(at: run.dir) }
    // A hostile ZIP in a folder, under any name, and on standard input: an error each; the other file is linted.
    #expect(run.status("folder") == 2)
    #expect(run.stderr("folder").contains("bad.docx: not a readable Word document: the ZIP archive is damaged or cut short"))
    #expect(run.stderr("folder").contains("renamed.txt: not a text document"))
    #expect(run.stdout("folder").contains("good.txt:1:21: error:"), "\(run.stdout("folder"))")
    #expect(run.status("stdin-zip") == 2)
    #expect(run.stderr("stdin-zip").hasPrefix("fineprint: error: -: "))
    #expect(run.status("stdin-closed") == 2)
    #expect(run.stderr("stdin-closed") == "fineprint: error: -: cannot be read: standard input is closed\n")
    #expect(run.status("stdout-closed") == 2)
    #expect(run.stderr("stdout-closed") == "fineprint: error: cannot write standard output: it is closed\n")
    // A symbolic link is written through, not replaced by a regular file.
    #expect(run.status("link") == 1, "\(run.stderr("link"))")
    let link = try FileManager.default.attributesOfItem(atPath: run.dir.appendingPathComponent("link").path)
    #expect(link[.type] as? FileAttributeType == .typeSymbolicLink)
    #expect(try String(contentsOf: run.dir.appendingPathComponent("report.txt"), encoding: .utf8).contains("binding-arbitration"))
    // A FIFO is written into, and stays a FIFO.
    #expect(run.status("fifo") == 1, "\(run.stderr("fifo"))")
    let fifo = try FileManager.default.attributesOfItem(atPath: run.dir.appendingPathComponent("fifo").path)
    #expect(fifo[.type] as? FileAttributeType != .typeRegular)
    #expect(try String(contentsOf: run.dir.appendingPathComponent("fifo.out"), encoding: .utf8).contains("binding arbitration"))
    // --max-size: too large to parse, or so large it overflowed when counted in bytes.
    #expect(run.status("huge-size") == 2)
    #expect(run.stderr("huge-size").contains("--max-size"))
    #expect(run.status("overflow-size") == 2)
    #expect(
      run.stderr("overflow-size").hasPrefix("Error: --max-size must be a number of megabytes from 1 to 2047, not 9999999999999\n")
    )
    guard hasFull else { return }
    let full = run.dir.appendingPathComponent("full").path
    #expect(run.status("stdout-full") == 2)
    #expect(run.stderr("stdout-full") == "fineprint: error: cannot write standard output: No space left on device\n")
    #expect(run.status("output-full") == 2)
    #expect(run.stderr("output-full") == "fineprint: error: cannot write \(full): No space left on device\n")
    #expect(run.status("summary-full") == 2)
    #expect(run.stderr("summary-full") == "fineprint: error: cannot write \(full): No space left on device\n")
    #expect(
      (try? FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType) == .typeCharacterSpecial)
  }
}

extension HostileInputTests {
  // MARK: - Markup that hid text or took minutes

  /// Filler HTML past the 64 KiB that `InputGuard` checks for NUL bytes.
  private static let filler = (0..<1_200).map { "<p>Paragraph \($0) is harmless filler about the weather.</p>\n" }.joined()

  @Test("One NUL byte after 64 KiB of HTML no longer hides the rest: it reads as U+FFFD, positions unchanged")
  func nulAfter64KiB() throws {
    for nul in ["<p>\u{0}Y</p>", "<p class=\"a\u{0}b\">x</p>", "<p\u{0}>x</p>", "<p>&amp\u{0};</p>"] {
      let html =
        "<html><body>" + Self.filler + nul + "\n<p>Any dispute will be resolved by binding arbitration.</p></body></html>"
      #expect(html.utf8.count > 65_536)
      let document = try TestSupport.html(html)
      #expect(document.text.hasSuffix("Any dispute will be resolved by binding arbitration."), "\(nul.debugDescription)")
      #expect(document.warnings == ["test.html: 1 NUL byte read as U+FFFD"])
      let findings = try Linter(engine: TestSupport.engine()).lint(document)
      let finding = try #require(findings.first { $0.rule == "binding-arbitration" })
      let expected = try #require(TestSupport.position(of: "resolved by binding", in: html))
      #expect((finding.line, finding.column) == (expected.line, expected.column))
    }
    // XML too: libxml2 stopped at the NUL.
    let xml = "<doc>" + Self.filler + "<p>\u{0}</p><p>Any dispute will be resolved by binding arbitration.</p></doc>"
    #expect(try TestSupport.xml(xml).text.hasSuffix("Any dispute will be resolved by binding arbitration."))
  }

  @Test("100,000 nested <div>s are refused at the depth limit at once; within the limit, nesting is read in linear time")
  func deepNesting() throws {
    let depth = 100_000
    let html =
      "<html><body>" + String(repeating: "<div>", count: depth)
      + "<p>Any dispute will be resolved by binding arbitration.</p>" + String(repeating: "</div>", count: depth)
      + "</body></html>"
    let start = ContinuousClock.now
    #expect(throws: IngestError.tooDeep(path: "deep.html", line: 1, limit: 256)) {
      try DocumentIngester().ingest(InputSource(name: "deep.html", bytes: Array(html.utf8)))
    }
    #expect(
      IngestError.tooDeep(path: "deep.html", line: 1, limit: 256).errorDescription
        == "deep.html:1: elements nested more than 256 deep (raise it with --max-depth, or max_depth under limits in .fineprint.yml)"
    )
    #expect(ContinuousClock.now - start < .seconds(20))
    // The largest depth a user may allow is read, in linear time (the stack walk took six minutes for 100,000).
    let allowed = Limits.maxDepthRange.upperBound - 3
    let deepest =
      "<html><body>" + String(repeating: "<div>", count: allowed)
      + "<p>Any dispute will be resolved by binding arbitration.</p>" + String(repeating: "</div>", count: allowed)
      + "</body></html>"
    let document = try HTMLIngester(maxDepth: Limits.maxDepthRange.upperBound).ingest(
      InputSource(name: "t.html", bytes: Array(deepest.utf8)))
    #expect(document.text == "Any dispute will be resolved by binding arbitration.")
    // Nested lists and headings keep their kind, level and number through the stack.
    let nested = try TestSupport.html(
      "<ol start=\"4\"><li><div><div><p>We may sell your data.</p></div></div></li></ol>"
        + "<h3><span><b>Disputes</b></span></h3><div><div><p>Body.</p></div></div>")
    #expect(nested.blocks.map(\.kind) == [.listItem, .heading, .paragraph])
    #expect(nested.blocks.map(\.level) == [1, 3, 0])
    #expect(nested.blocks.first?.number == "4.")
    // XML: the same limit, at the line of the first element too deep.
    let xml =
      "<doc>\n<p>Text.</p>\n" + String(repeating: "<section>", count: depth) + "<p>Text.</p>"
      + String(repeating: "</section>", count: depth) + "</doc>"
    #expect(
      message(read(Array(xml.utf8), name: "deep.xml"))
        == IngestError.tooDeep(path: "deep.xml", line: 3, limit: 256).errorDescription)
    let within =
      "<doc>" + String(repeating: "<section>", count: 254) + "<p>Text.</p>" + String(repeating: "</section>", count: 254)
      + "</doc>"
    #expect(try TestSupport.xml(within).text == "Text.")
  }

  @Test("diff of two pages nested as deep as a user may allow is bounded")
  func deepDiff() throws {
    func page(_ clause: String) throws -> [Finding] {
      let depth = Limits.maxDepthRange.upperBound - 3
      let html =
        "<html><body>" + String(repeating: "<div>", count: depth) + "<p>\(clause)</p>"
        + String(repeating: "</div>", count: depth) + "</body></html>"
      let document = try HTMLIngester(maxDepth: Limits.maxDepthRange.upperBound).ingest(
        InputSource(name: "t.html", bytes: Array(html.utf8)))
      return try Linter(engine: TestSupport.engine()).lint(document)
    }
    let start = ContinuousClock.now
    let diff = TermsDiff(
      old: try page("Any dispute will be resolved by binding arbitration."), new: try page("Any dispute goes to a court."))
    #expect(diff.removed.map(\.rule) == ["binding-arbitration"])
    #expect(ContinuousClock.now - start < .seconds(30))
  }
}

extension HostileInputTests {
  // MARK: - Entities

  /// One 100 kB entity referenced 3,000 times, and nested entities ten deep (billion laughs).
  private static func entityBombs(root: String, wrap: (String) -> String) -> [String] {
    let repeated =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE \(root) [<!ENTITY a \"\(String(repeating: "A", count: 100_000))\">]>\n"
      + wrap("We may sell your data. " + String(repeating: "&a;", count: 3_000))
    var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE \(root) [<!ENTITY l0 \"lol\">"
    for k in 1..<10 { laughs += "<!ENTITY l\(k) \"\(String(repeating: "&l\(k - 1);", count: 10))\">" }
    laughs += "]>\n" + wrap("We may sell your data. &l9; &amp; more.")
    return [repeated, laughs]
  }

  @Test("XML internal entities are never expanded (a 109 kB file took 1.5 GB and 50 s); predefined ones are")
  func xmlEntityBombs() throws {
    for xml in Self.entityBombs(root: "doc", wrap: { "<doc><p>\($0)</p></doc>" }) {
      let start = ContinuousClock.now
      let document = try TestSupport.xml(xml)
      #expect(ContinuousClock.now - start < .seconds(10))
      #expect(document.text.hasPrefix("We may sell your data."))
      #expect(!document.text.contains("AAAA") && !document.text.contains("lol"))
      #expect(document.text.utf8.count < 100)
      // Past a DOCTYPE larger than 4 KiB the text was placed at 1:1.
      let at = document.span(of: 0..<6).start
      #expect((at.line, at.column) == (3, 9))
    }
    // Entities in attribute values are not expanded either, and &amp; still reads as &.
    let attribute = try TestSupport.xml(
      "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e \"\(String(repeating: "B", count: 50_000))\">]>"
        + "<d><p title=\"&e;&e;&e;\">Terms &amp; conditions.</p></d>")
    #expect(attribute.text == "Terms & conditions.")
  }

  @Test("The same entity bombs inside a .docx's document part")
  func docxEntityBombs() throws {
    let wrap = { (text: String) in
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
        + "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:body></w:document>"
    }
    for xml in Self.entityBombs(root: "w:document", wrap: wrap) {
      let start = ContinuousClock.now
      let result = read(try B.zip([("word/document.xml", xml)]), name: "bomb.docx")
      #expect(ContinuousClock.now - start < .seconds(10))
      let document = try result.get()
      #expect(document.text.hasPrefix("We may sell your data."))
      #expect(document.text.utf8.count < 100)
    }
  }
}

extension HostileInputTests {
  // MARK: - Invariants on generated and mutated markup

  /// Every clause and finding lies inside the text, each match inside its clause, start ≤ end,
  /// and the source map runs forward inside the source (`LintInvariants`, as the fuzz targets check).
  private func checkInvariants(_ document: Document, linter: Linter, label: String) {
    #expect(LintInvariants.violations(of: document, linter: linter) == [], "\(label)")
  }

  @Test("Found by generated documents: text that is only a closing quote, and a mangled page, trapped")
  func generatedReproducers() throws {
    // The segmenter stepped back over a 3-byte closing quote past the text's start (index -1).
    for text in ["\u{2019}", "\u{BB}"] {
      let document = try TestSupport.document(text)
      #expect(ClauseSegmenter().clauses(in: document).count == 1)
    }
    #expect(try ClauseSegmenter().clauses(in: TestSupport.html("<p>&rsquo;</p><p>We may sell your data.</p>")).count == 2)
    // A text run found before the previous one's end made an inverted source range.
    let mangled = try TestSupport.html(".\u{C} <t<head> <table. ")
    checkInvariants(mangled, linter: try Linter(engine: TestSupport.engine()), label: "mangled")
  }

  @Test(
    "Text with control characters libxml2 drops keeps its positions (a form feed sent every finding to the paragraph's start)")
  func droppedControlCharacters() throws {
    let html = "<p>x \u{C}\u{1} Any dispute \u{C} will be resolved by binding arbitration.</p>"
    let document = try TestSupport.html(html)
    let finding = try #require(try Linter(engine: TestSupport.engine()).lint(document).first { $0.rule == "binding-arbitration" })
    let expected = try #require(TestSupport.position(of: "resolved by", in: html))
    #expect((finding.line, finding.column) == (expected.line, expected.column))
    checkInvariants(document, linter: try Linter(engine: TestSupport.engine()), label: "controls")
  }

  @Test("Seeded generated and mutated documents keep every invariant")
  func generatedDocuments() throws {
    let linter = try Linter(engine: TestSupport.engine())
    let phrases = [
      "We may sell your personal information to third parties.", "You waive any right to a jury trial.",
      "Any dispute will be resolved by binding arbitration.", "By using the service you agree to these terms.",
      "You can withdraw your consent at any time.", "unless required by law", "1.", "(a)", "Section 2.3", "e.g.", "Inc.",
    ]
    let pieces = [
      "<p>", "</p>", "<div>", "</div>", "<br>", "<li>", "</li>", "<ol>", "</ol>", "<h2>", "</h2>", "<b>", "</b>",
      "<pre>", "</pre>", "&amp;", "&nbsp;", "&lt;", "&rsquo;", "&unknown;", "&", "<!-- c -->", "<script>x</script>",
      "<span hidden>h</span>", "\n", "\r\n", "\r", "\t", " ", "\u{A0}", "\u{2028}", "\u{FEFF}", "\u{C}", "\u{0}",
      "\u{201D}", "<td>", "<table>", "</table>", "<t<head>", "<textarea>", "</textarea>", "<![CDATA[x]]>", "<num>1.</num>",
      "<heading>H</heading>", "<section>", "</section>",
    ]
    var generator = SplitMix(seed: 1616)
    func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
    for round in 0..<400 {
      var body = ""
      for _ in 0..<(3 + Int(generator.next() % 30)) {
        switch generator.next() % 3 {
        case 0: body += pick(phrases)
        case 1:
          let phrase = Array(pick(phrases))
          let cut = Int(generator.next() % UInt64(phrase.count + 1))
          body += String(phrase[..<cut]) + pick(pieces) + String(phrase[cut...])
        default: body += pick(pieces)
        }
        if generator.next() % 2 == 0 { body += " " }
      }
      let format: DocumentFormat = [.html, .html, .xml, .plainText][round % 4]
      if format == .xml && round % 8 == 2 { body = "<doc>" + body + "</doc>" }
      guard
        case .success(let document) = read(Array(body.utf8), name: "g\(round).\(format == .plainText ? "txt" : format.rawValue)")
      else { continue }
      checkInvariants(document, linter: linter, label: "round \(round)")
    }
  }
}
