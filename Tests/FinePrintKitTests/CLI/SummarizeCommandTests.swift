import Foundation
import Testing
@testable import FinePrintKit

@Suite("fineprint summarize, end to end", .enabled(if: CLIRunner.executable != nil, "needs the built fineprint binary"))
struct SummarizeCommandTests {
  @Test("Text, Markdown and JSON summaries of a Sample say the same grade")
  func formats() throws {
    let text = try CLIRunner.run(["summarize", "Samples/biometric-licence.xml"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("Grade E (avoid)"))
    #expect(text.stdout.contains("Can you withdraw your consent or have your data deleted?"))
    let markdown = try CLIRunner.run(["summarize", "--format", "markdown", "Samples/biometric-licence.xml"])
    #expect(markdown.stdout.contains("| 🔴 | Is your data sold, licensed or shared with others? | **yes**"))
    let json = try CLIRunner.run(["summarize", "--format", "json", "Samples/biometric-licence.xml"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["grade"] as? String == "E")
  }

  @Test("Standard input, and errors: a missing file, an unknown format")
  func inputsAndErrors() throws {
    let piped = try CLIRunner.run(["summarize", "--format", "json", "-"],
                                  stdin: "You may withdraw your consent at any time. We do not sell your personal information.")
    #expect(piped.status == 0)
    #expect(piped.stdout.contains("\"gradeWithheld\""))
    let missing = try CLIRunner.run(["summarize", "nowhere.html"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("nowhere.html"))
    // Read as lint reads: --as applies, and a recovered broken document is a warning, not silence.
    let broken = try CLIRunner.run(["summarize", "--as", "xml", "-"], stdin: "<terms><p>We may sell your personal data")
    #expect(broken.status == 0)
    #expect(broken.stderr.contains("warning: -:") && broken.stderr.contains("not well-formed XML"))
    let format = try CLIRunner.run(["summarize", "--format", "pdf", "Samples/fair-consent.html"])
    #expect(format.status == 2)
    #expect(format.stderr.contains("unknown format 'pdf'"))
  }
}
