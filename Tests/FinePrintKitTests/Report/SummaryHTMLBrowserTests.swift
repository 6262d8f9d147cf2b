import Foundation
import Testing
@testable import FinePrintKit

/// The summary page in a real browser (headless Chromium): it loads, shows the grade and every
/// question, fits a phone without scrolling sideways, and screenshots at phone and desktop size.
/// Locally the test is skipped when Chromium is missing; under CI (`CI` set) it fails instead,
/// so CI cannot skip it silently. Set FINEPRINT_SCREENSHOTS to a folder to keep the PNGs.
@Suite(
  "Summary page in Chromium", .serialized,
  .enabled(
    if: HeadlessChromium.executable != nil || ProcessInfo.processInfo.environment["CI"] != nil,
    "chromium is not on PATH: install it (apt-get install chromium) to run the browser tests"))
struct SummaryHTMLBrowserTests {
  static let phone = (width: 390, height: 844)
  static let desktop = (width: 1280, height: 1600)

  func browser() throws -> HeadlessChromium {
    guard let executable = HeadlessChromium.executable else {
      throw HeadlessChromium.Failure(description: "CI is set but chromium is not on PATH: .ci/run must install it")
    }
    return HeadlessChromium(executable: executable)
  }

  /// Writes the page of `sample` into a fresh folder; runs `body` with the folder and the page.
  func withPage(_ page: SummaryPage.Page, name: String, _ body: (URL, URL) throws -> Void) throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("\(name).html")
    try page.html.write(to: file, atomically: true, encoding: .utf8)
    try body(dir, file)
  }

  @Test("Chromium shows the grade and every question", arguments: SummaryPage.samples)
  func dom(sample: String) throws {
    let chromium = try browser()
    let page = try SummaryPage.sample(sample)
    try withPage(page, name: sample) { _, file in
      let dom = try chromium.dumpDOM(file)
      let grade = try #require(page.summary.grade)
      #expect(dom.contains("<span id=\"grade\">\(grade)</span>"), "grade \(grade) not in the DOM")
      for answer in page.summary.answers {
        #expect(dom.contains("data-question=\"\(answer.id)\""), "\(answer.id)")
        #expect(dom.contains(SummaryPage.domText(answer.question)), "\(answer.question)")
      }
      #expect(dom.contains("<mark id=\"c"))
    }
  }

  @Test("The page fits a phone: nothing wider than the screen", arguments: SummaryPage.samples + ["long words"])
  func fitsPhone(sample: String) throws {
    let chromium = try browser()
    let page: SummaryPage.Page
    if sample == "long words" {
      let word = String(repeating: "supercalifragilistic", count: 20)
      page = SummaryPage.page(
        try TestSupport.document(
          "We may sell your personal data to data brokers at https://example.com/\(word) and \(word)."))
    } else {
      page = try SummaryPage.sample(sample)
    }
    try withPage(page, name: "page") { dir, _ in
      // The page has no script; a frame the size of a phone around it measures it.
      let frame = """
        <!doctype html><html><body style="margin:0">
        <iframe id="f" src="page.html" style="width:\(Self.phone.width)px;height:\(Self.phone.height)px;border:0"></iframe>
        <script>document.getElementById("f").onload = function () {
          var d = document.getElementById("f").contentDocument.documentElement;
          document.body.setAttribute("data-widths", d.scrollWidth + " " + d.clientWidth);
        };</script></body></html>
        """
      let measure = dir.appendingPathComponent("measure.html")
      try frame.write(to: measure, atomically: true, encoding: .utf8)
      let dom = try chromium.dumpDOM(measure, extra: ["--allow-file-access-from-files", "--virtual-time-budget=5000"])
      let widths = try #require(dom.firstMatch(of: /data-widths="(\d+) (\d+)"/), "the frame was not measured")
      let (scroll, client) = (Int(widths.1)!, Int(widths.2)!)
      #expect(client > 300 && scroll <= client, "\(sample): \(scroll) px wide in a \(client) px screen")
    }
  }

  @Test("Screenshots at phone and desktop size", arguments: SummaryPage.samples)
  func screenshots(sample: String) throws {
    let chromium = try browser()
    let page = try SummaryPage.sample(sample)
    let keep = ProcessInfo.processInfo.environment["FINEPRINT_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
    try withPage(page, name: sample) { dir, file in
      for (label, size) in [("phone", Self.phone), ("desktop", Self.desktop)] {
        let png = (keep ?? dir).appendingPathComponent("\(sample)-\(label).png")
        try? FileManager.default.removeItem(at: png)
        try chromium.screenshot(file, to: png, width: size.width, height: size.height)
        let data = try Data(contentsOf: png)
        #expect(data.count > 10_000, "\(png.lastPathComponent): \(data.count) bytes")
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
        #expect(Self.pngWidth(data) == size.width, "\(png.lastPathComponent) is \(Self.pngWidth(data)) px wide")
      }
    }
  }

  /// The width in a PNG's header (IHDR, big-endian at byte 16).
  static func pngWidth(_ data: Data) -> Int {
    guard data.count >= 24 else { return 0 }
    return data[data.startIndex + 16..<data.startIndex + 20].reduce(0) { $0 << 8 | Int($1) }
  }
}
