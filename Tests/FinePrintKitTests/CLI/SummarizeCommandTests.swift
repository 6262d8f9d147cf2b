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

  @Test("A question in a rule folder's summary/ is asked after the bundled ones; a misspelt rule in it is exit 2 at its line")
  func questionFromARuleFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-summary-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("summary"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let question = folder.appendingPathComponent("summary/50-insurers.yml")
    let yaml = """
      version: 1
      question:
        id: insurers
        asks: Do insurers or employers get your data?
        yes: {rules: [share-with-third-parties]}
        bad_answer: yes
        say: {not_stated: The terms do not name insurers or employers.}
      """
    try yaml.write(to: question, atomically: true, encoding: .utf8)
    let json = try CLIRunner.run(["summarize", "--format", "json", "--rules", folder.path, "Samples/fitness-consent.txt"])
    #expect(json.status == 0, "\(json.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let answers = try #require(object["answers"] as? [[String: Any]])
    #expect(answers.last?["id"] as? String == "insurers" && answers.last?["answer"] as? String == "yes")
    #expect(answers.first?["id"] as? String == "data-taken")

    try yaml.replacingOccurrences(of: "share-with-third-parties", with: "share-with-third-partys").write(
      to: question, atomically: true, encoding: .utf8)
    let bad = try CLIRunner.run(["summarize", "--rules", folder.path, "Samples/fitness-consent.txt"])
    #expect(bad.status == 2)
    #expect(
      bad.stderr.contains(
        "summary/50-insurers.yml:5:8: question 'insurers' (yes) names unknown rule 'share-with-third-partys' (did you mean 'share-with-third-parties'?)"
      ))
  }

  @Test("summarize --format json on a short research consent of our own: pay, sharing, AI use and a partial withdrawal")
  func consentFacts() throws {
    let form = """
      Consent to take part in the Harbour Dialects recordings

      We record you reading twenty short sentences aloud. We use the recordings to improve our transcription technology.

      Your coded recordings may be shared with other researchers.

      There is no payment for taking part.

      You may withdraw from the study at any time. If you withdraw, recordings already collected will be kept.
      """
    let json = try CLIRunner.run(["summarize", "--format", "json", "-"], stdin: form)
    #expect(json.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let answers = try #require(object["answers"] as? [[String: Any]])
    var byID: [String: String] = [:]
    for answer in answers { byID[answer["id"] as? String ?? ""] = answer["answer"] as? String }
    #expect(byID["payment"] == "yes")
    #expect(byID["unilateral-change"] == "not stated")
    #expect(byID["shared-with-others"] == "yes")
    #expect(byID["uses"] == "yes")
    #expect(byID["withdraw-or-delete"] == "partly")
  }

  @Test("Standard input, and errors: a missing file, an unknown format")
  func inputsAndErrors() throws {
    let piped = try CLIRunner.run(
      ["summarize", "--format", "json", "-"],
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
