import Foundation
import Testing
@testable import FinePrintKit

@Suite("Plain-language summaries")
struct SummarizerTests {
  static let summarizer: Summarizer = {
    try! Summarizer(linter: Linter(engine: TestSupport.engine()))
  }()

  func summary(_ text: String, name: String = "terms.txt") throws -> Summary {
    Self.summarizer.summarize(try TestSupport.document(text, name: name))
  }

  func sample(_ name: String) throws -> Summary {
    let url = TestSupport.packageRoot.appendingPathComponent("Samples/" + name)
    let source = InputSource(name: "Samples/" + name, bytes: Array(try Data(contentsOf: url)))
    return Self.summarizer.summarize(try DocumentIngester().ingest(source))
  }

  func answer(_ summary: Summary, _ id: String) -> Summary.Answer? { summary.answers.first { $0.id == id } }

  /// The bundled grading formula (`Rules/summary/grade.yml`).
  static let formula = try! SummaryTables.bundled.get().gradingFormula!

  // MARK: The formula

  @Test(
    "Each rule of the grading formula",
    arguments: [
      (0, 0, 0, "C"), (5, 0, 0, "A"), (6, 1, 0, "B"), (2, 3, 0, "D"), (4, 0, 3, "D"),
      (1, 0, 2, "E"), (20, 12, 1, "B"), (20, 14, 1, "C"), (3, 10, 1, "E"), (10, 20, 0, "E"),
    ])
  func formula(good: Int, bad: Int, blockers: Int, expected: String) {
    #expect(Self.formula.grade(.init(good: good, bad: bad, blockers: blockers)).grade == expected)
  }

  @Test("A heading that says how to get out is a way out, however the text under it words it; one that only asks is not")
  func wayOutInAHeading() throws {
    let body = "We collect photos of your skin for the study.\n\n## HEADING\n\nOpen Settings and press the red button.\n"
    let how = try summary(body.replacingOccurrences(of: "HEADING", with: "How do I delete my photos?"), name: "faq.md")
    #expect(answer(how, "withdraw-or-delete")?.answer == "yes")
    #expect(answer(how, "withdraw-or-delete")?.quotes.first?.text.contains("How do I delete my photos?") == true)
    let asks = try summary(body.replacingOccurrences(of: "HEADING", with: "Can I delete my photos?"), name: "faq.md")
    #expect(answer(asks, "withdraw-or-delete")?.answer == "not stated")
  }

  @Test("The reason names the rule of the formula that decided")
  func reason() {
    #expect(Self.formula.grade(.init(good: 1, bad: 0, blockers: 2)).reason == "2 blockers > 1 good point")
    #expect(Self.formula.grade(.init(good: 0, bad: 0, blockers: 4)).reason == "balance -12 ≤ −10")
  }

  @Test("No grade for a text too short to judge, or one no rule recognises")
  func withheld() throws {
    let short = try summary("We may sell your data.")
    #expect(short.grade == nil)
    #expect(short.gradeWithheld?.contains("only 5 words") == true)
    let unrelated = try summary(
      String(repeating: "The garden was quiet in the morning and the birds sang over the old stone wall. ", count: 8))
    #expect(unrelated.grade == nil)
    #expect(unrelated.gradeWithheld?.contains("no rule recognised") == true)
  }

  @Test("Rules split from one rule are listed each with its own message, and count as that one rule in the grade")
  func splitRulesCountOnce() throws {
    let s = try summary(
      """
      The app is provided "as is". Our total liability to you will not exceed ten dollars. We are not liable for any \
      loss of data. If a force majeure event stops us, we will not be in breach of these terms.
      """)
    let liability = s.risks.filter { $0.category == "limitation-of-liability" }
    #expect(Set(liability.map(\.rule)) == ["provided-as-is", "liability-capped", "damages-excluded", "force-majeure"])
    #expect(Set(liability.map(\.message)).count == 4)
    #expect(s.risks.count { $0.severity != .error } == 4)
    #expect(s.points.bad == 1)
  }

  @Test("Rules that tell the reader the same thing are one point, with the quotes of both and the worse severity")
  func sameTitleIsOnePoint() throws {
    let s = try summary(
      "We may disclose or transfer the data we collect in connection with the sale, merger, bankruptcy, sale of assets or "
        + "reorganization of our company.")
    let rules = Set(s.risks.map(\.rule))
    let transfer = s.risks.filter { $0.title == "Your data passes to a buyer if the company is sold" }
    #expect(transfer.count == 1)
    #expect(rules.isDisjoint(with: ["business-transfer-event"]) || !rules.contains("business-transfer"))
    #expect(transfer.first?.quotes.count == 2)
  }

  // MARK: Samples

  @Test("The voice marketplace: grade E, and the answers a reader needs, with quotes")
  func voiceMarketplace() throws {
    let s = try sample("voice-marketplace.html")
    #expect(s.grade == "E")
    #expect(s.formulaVersion == Self.formula.version)
    #expect(s.points.blockers >= 3)
    #expect(answer(s, "shared-with-others")?.answer == "yes")
    #expect(answer(s, "shared-with-others")?.concern == true)
    #expect(answer(s, "withdraw-or-delete")?.answer == "no")
    #expect(answer(s, "court")?.answer == "no")
    #expect(answer(s, "forum")?.answer == "yes")
    #expect(answer(s, "uses")?.answer == "yes")
    #expect(answer(s, "deletion-reaches-models")?.answer == "no")
    #expect(answer(s, "data-taken")?.detail.contains("voice") == true)
    // Every quote points where its words stand in the HTML source.
    let source = try String(
      contentsOf: TestSupport.packageRoot.appendingPathComponent("Samples/voice-marketplace.html"), encoding: .utf8)
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    for quote in s.answers.flatMap(\.quotes) {
      let line = Array(lines[quote.line - 1].unicodeScalars)
      // The match's first run of non-spaces: "$8" of "$8 in reward points", "licence" of "licence,".
      let firstWord = quote.match.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
      #expect(
        String(String.UnicodeScalarView(line[(quote.column - 1)...])).hasPrefix(firstWord),
        "\(quote.line):\(quote.column) \(quote.match)")
    }
  }

  @Test("The fair consent form: grade A, protections, no concerns answered yes")
  func fairConsent() throws {
    let s = try sample("fair-consent.html")
    #expect(s.grade == "A")
    #expect(s.risks.isEmpty)
    #expect(s.protections.count >= 5)
    #expect(answer(s, "shared-with-others")?.answer == "no")
    #expect(answer(s, "withdraw-or-delete")?.answer == "yes")
    #expect(answer(s, "retention-limit")?.answer == "yes")
    #expect(answer(s, "court")?.answer == "not stated")
    #expect(answer(s, "court")?.quotes.isEmpty == true)
    // "We will not collect your location … or any biometric template" names no data taken.
    #expect(answer(s, "data-taken")?.detail.contains("location") == false)
    #expect(s.answers.allSatisfy { !$0.concern || $0.answer == "not stated" })
  }

  @Test("The hard-wrapped fitness consent: silence about withdrawal is an answer, and a concern")
  func fitness() throws {
    let s = try sample("fitness-consent.txt")
    let withdraw = try #require(answer(s, "withdraw-or-delete"))
    #expect(withdraw.answer == "not stated")
    #expect(withdraw.concern)
    #expect(answer(s, "data-taken")?.detail.contains("health") == true)
  }

  @Test("An ad network's opt-out page is no way out of this company's own uses: the summary agrees with lint")
  func adNetworkOptOutOnly() throws {
    let s = try summary(
      """
      We collect your email address, your voice recordings and the pages you visit, and use them to improve our service.
      To opt out of interest-based advertising from the networks we work with, visit the Network Advertising Initiative's opt-out page.
      """)
    #expect(answer(s, "withdraw-or-delete")?.answer == "not stated")
    #expect(s.risks.contains { $0.rule == "no-way-to-withdraw" })
    #expect(s.protections.contains { $0.rule == "opt-out-industry-page" })
  }

  @Test("A kind of data counts where it is taken from the person, not where the word merely appears")
  func dataKindsTakenFromThePerson() throws {
    let s = try summary(
      """
      Backups are preserved indefinitely in a secure location.
      The study app is provided "as is", without any warranty of fitness for a particular purpose.
      Taking part in this study is not the same as receiving medical care.
      Questions? Write to the study team at the contact details given above.
      """)
    #expect(answer(s, "data-taken")?.answer == "not stated")
    let taken = try summary(
      """
      The app records the location of your phone while you walk.
      We collect your heart rate and your email address when you sign up.
      The app logs location data every minute.
      """)
    let detail = try #require(answer(taken, "data-taken")?.detail)
    for kind in ["location", "health", "contact details"] { #expect(detail.contains(kind), "\(kind)") }
  }

  @Test("An unsubscribe link stops the mail, not the data use: no way to withdraw, though lint counts it as an opt-out")
  func newsletterUnsubscribeOnly() throws {
    let s = try summary(
      """
      We collect your voice recordings and your email address, and use them to build our speech database.
      You can unsubscribe from our newsletter at any time using the link in each email.
      """)
    #expect(answer(s, "withdraw-or-delete")?.answer == "not stated")
    #expect(s.protections.contains { $0.rule == "unsubscribe-emails" })
    #expect(!s.protections.contains { $0.rule == "opt-out" })
    // Privacy law reads an unsubscribe link as an opt-out: the document-level rule stays quiet.
    #expect(!s.risks.contains { $0.rule == "no-way-to-withdraw" })
    // An opt-out of a use of the data is still a way out.
    let sharing = try summary(
      """
      We collect your voice recordings and use them to build our speech database.
      You can opt out of the sharing of your recordings with partners in your settings.
      """)
    #expect(answer(sharing, "withdraw-or-delete")?.answer == "yes")
    // What still comes after the mail opt-out is no second way out.
    let after = try summary(
      """
      We collect your voice recordings and use them to build our speech database.
      You may opt out of our marketing emails with the link at the bottom of each one.
      If you opt out, we may still send you messages about your account.
      """)
    #expect(answer(after, "withdraw-or-delete")?.answer == "not stated")
  }

  @Test("A list of recipients is read with the sentence that introduces it; a negated lead-in keeps its items negated")
  func recipientsInAList() throws {
    let shares = try summary(
      """
      We collect your voice recordings for our speech products. We may share your recordings with:

      - advertising networks, for their own marketing;
      - data brokers.
      """)
    #expect(answer(shares, "shared-with-others")?.answer == "yes")
    let promises = try summary(
      """
      We collect your voice recordings for our speech products. We do not share your recordings with:

      - advertising networks;
      - data brokers.
      """)
    #expect(answer(promises, "shared-with-others")?.answer != "yes")
  }

  @Test("Answers shown to the next participants are data given to others, whatever is promised for identifiable data")
  func shownToFutureParticipants() throws {
    let s = try summary(
      """
      We record your answers to a short quiz about pictures.
      Your answers may be displayed to later participants as examples, without your name.
      Identifiable information will not be shared with third parties.
      """)
    let shared = try #require(answer(s, "shared-with-others"))
    #expect(shared.answer == "yes")
    #expect(shared.quotes.contains { $0.text.contains("later participants") })
  }

  // MARK: Answers and contradictions

  @Test("A promise and its exception elsewhere are shown side by side, and the exception decides the answer")
  func contradiction() throws {
    let s = try summary(
      """
      Privacy

      We do not sell your personal information.

      If we are acquired or merge with another company, your personal information may be transferred to the buyer.

      We may share your data with advertising partners.
      """)
    let pair = try #require(s.contradictions.first)
    #expect(pair.promise.text == "We do not sell your personal information.")
    #expect(pair.exception.text.contains("acquired") || pair.exception.text.contains("advertising partners"))
    #expect(s.contradictions.count == 2)
    let shared = try #require(answer(s, "shared-with-others"))
    #expect(shared.answer == "yes")
    #expect(shared.detail.contains("They also say"))
  }

  @Test("Stated facts answer questions no rule flags: a retention period, pay, deletion from models")
  func facts() throws {
    let s = try summary(
      """
      We delete your recordings within 90 days of your request. You are paid $15 for each hour of recordings.
      When you withdraw, we remove your recordings from our training datasets.
      """)
    #expect(answer(s, "retention-limit")?.answer == "yes")
    #expect(answer(s, "payment")?.answer == "yes")
    #expect(answer(s, "deletion-reaches-models")?.answer == "yes")
    let negated = try summary("We do not keep your recordings for 90 days; we keep them forever.")
    #expect(answer(negated, "retention-limit")?.answer != "yes")
  }

  // MARK: Who is paid, who gets the data, what it is for, what a withdrawal keeps (issue 12)

  @Test("A plain \"you are not paid\" states the pay; a fee the reader pays does not; vague pay is vague")
  func payStatedOrVague() throws {
    for text in [
      "Recording study for the Harbour Dialects archive. There is no payment for taking part in the recording sessions.",
      "Harbour Dialects archive. You will not be paid for joining the project, and you will not be charged anything.",
      "Harbour Dialects archive. Taking part is voluntary and unpaid; you may stop at any time.",
      "Harbour Dialects archive. Contributors receive a $10 gift card for each survey they complete.",
      // The amount stands on another page of the offer: stated, and the quote says where.
      "Harbour Dialects archive. You will be compensated according to the amount listed on the study's recruitment page.",
    ] {
      let s = try summary(text)
      #expect(answer(s, "payment")?.answer == "yes", "\(text)")
      #expect(answer(s, "unilateral-change")?.answer == "not stated", "\(text)")
    }
    let fee = try summary("Harbour Audio. Subscribers pay $8 per month, billed on the first day of each month.")
    #expect(answer(fee, "payment")?.answer == "not stated")
    let price = try summary("Harbour Audio. You pay the subscription fee shown on the pricing page.")
    #expect(answer(price, "payment")?.answer == "not stated")
    for text in [
      "Harbour Audio. Rewards are paid in points whose value we may change at our discretion.",
      "Harbour Audio. Payments are sent within [X] business days of approval.",
    ] {
      #expect(try answer(summary(text), "payment")?.answer == "no", "\(text)")
    }
    // A stated rate beside a discretionary extra: the amount answers, the extra is quoted after it.
    let both = try #require(
      answer(
        summary("Harbour Dialects archive. Contributors receive $12 per hour of recording. Bonuses are paid at our discretion."),
        "payment"))
    #expect(both.answer == "yes")
    #expect(both.quotes.map(\.text).contains("Bonuses are paid at our discretion."))
    // Feedback taken without pay is no statement about pay for the reader's data.
    let feedback = try summary("Harbour Audio. We may use any feedback you send us without compensation to you.")
    #expect(answer(feedback, "payment")?.answer == "not stated")
  }

  @Test("Pay promised with no amount anywhere is vague, quoted where it is promised; an amount or a no elsewhere settles it")
  func payPromisedWithoutAmount() throws {
    let promised = try summary(
      """
      Harbour Dialects archive. We record you reading a short story aloud.

      Participants will be compensated for their time. You may stop at any time.
      """)
    let vague = try #require(answer(promised, "payment"))
    #expect(vague.answer == "no")
    #expect(vague.quotes.map(\.text) == ["Participants will be compensated for their time."])
    for settled in [
      "Participants will be compensated for their time. Each participant receives a $20 voucher.",
      "Participants will be compensated for their time at the rate shown on the study's Prolific page.",
      "Participants will not be compensated for their time.",
    ] {
      let s = try summary("Harbour Dialects archive. We record you reading a short story aloud.\n\n" + settled)
      #expect(answer(s, "payment")?.answer == "yes", "\(settled)")
    }
  }

  @Test("A disclosure on a court order is a risk, not data shared; a promise not to share stands beside it")
  func legalDisclosureIsNotSharing() throws {
    let s = try summary(
      "Harbour Dialects study. We will not share your recordings with any other university, company or public "
        + "data repository. We may be legally required to disclose information if we receive a court order.")
    #expect(answer(s, "shared-with-others")?.answer == "no")
    #expect(s.risks.contains { $0.rule == "disclosure-without-notice" })
    let sold = try summary(
      "Harbour Voice terms. We may sell your recordings to data brokers. "
        + "We may disclose information if we receive a court order.")
    #expect(answer(sold, "shared-with-others")?.answer == "yes")
  }

  @Test("Public release, open licences, other researchers and a client's ownership are data leaving")
  func dataLeaving() throws {
    for sentence in [
      "Your recordings will be published for anyone to use under a public domain dedication.",
      "At the end of the project we release the recordings under a CC0 licence.",
      "The transcribed clips become part of an open dataset.",
      "Your coded answers may be shared with other researchers.",
      "Clips you upload can be reused by other members of the platform.",
      "Every transcript you deliver is a work made for hire and belongs to the requester.",
    ] {
      let s = try summary(
        """
        Consent to take part in the Harbour Dialects recordings

        We record you reading twenty short sentences aloud, and we store the recordings on university servers.

        \(sentence)

        You can withdraw from the study at any time by writing to the study team.
        """)
      let shared = try #require(answer(s, "shared-with-others"))
      #expect(shared.answer == "yes", "\(sentence)")
      #expect(shared.concern)
    }
    let kept = try summary(
      """
      Harbour Dialects recordings. We store the recordings on university servers and never publish them or make them public. \
      We do not share your recordings with other researchers.
      """)
    #expect(answer(kept, "shared-with-others")?.answer != "yes")
  }

  @Test("AI use named by its purpose is AI use; improving a service is not")
  func aiByPurpose() throws {
    for sentence in [
      "We use your recordings to improve our transcription technology.",
      "The voice samples help us develop speech recognition for older speakers.",
      "Your recordings are used to build language technology for regional dialects.",
      "We analyse the clips to improve the products that understand what people say.",
    ] {
      let s = try summary("Harbour Voice collects short voice recordings from volunteers. " + sentence)
      #expect(answer(s, "uses")?.answer == "yes", "\(sentence)")
    }
    let service = try summary(
      "Harbour Voice collects short voice recordings from volunteers. We use your recordings to improve our services.")
    #expect(answer(service, "uses")?.answer == "not stated")
  }

  @Test("Withdrawal that keeps the data already collected is \"partly\", with the quote that keeps it")
  func withdrawalPartly() throws {
    let partly = try summary(
      """
      Harbour Dialects study consent. You may withdraw from the study at any time without giving a reason. \
      If you withdraw, the recordings already collected will be kept and may still be used in the analysis.
      """)
    let answer1 = try #require(answer(partly, "withdraw-or-delete"))
    #expect(answer1.answer == "partly")
    #expect(answer1.concern)
    #expect(answer1.quotes.first?.text.contains("already collected") == true)
    #expect(SummaryWording.level(answer1) == .amber)
    // A perpetual licence beside an explicit right to withdraw and delete does not make it "no".
    let licence = try summary(
      """
      Harbour Voice terms. You grant us a perpetual, worldwide, royalty-free licence to host your recordings. \
      You may delete your recordings and your account at any time.
      """)
    #expect(answer(licence, "withdraw-or-delete")?.answer == "yes")
    // A newsletter opt-out is no way out of a perpetual licence.
    let newsletter = try summary(
      """
      Harbour Voice terms. You grant us a perpetual, irrevocable licence to use your recordings. \
      You can opt out of our newsletter at any time.
      """)
    #expect(answer(newsletter, "withdraw-or-delete")?.answer == "no")
    let silent = try summary("Harbour Voice terms. We record your voice during each session and store it on our servers.")
    #expect(answer(silent, "withdraw-or-delete")?.answer == "not stated")
    // The keeping is the only word on leaving, and names it: a way out that keeps the data.
    let onlyKept = try summary(
      "Harbour Cohort consent. Leaving the cohort means no further visits. "
        + "If you withdraw, we will keep and continue to use the samples you have already given us.")
    let kept = try #require(answer(onlyKept, "withdraw-or-delete"))
    #expect(kept.answer == "partly")
    #expect(kept.quotes.first?.text.contains("already given") == true)
    // Data a model keeps, with no leaving named, is no way out at all.
    let model = try summary(
      "Harbour Voice terms. We record your voice during each session. "
        + "Our models keep what they learned from your recordings.")
    #expect(answer(model, "withdraw-or-delete")?.answer != "partly")
  }

  @Test("A no that does not stop every use is \"partly\": another legal ground, a remainder past 'but', exceptions")
  func withdrawalWithUseGoingOn() throws {
    let cases: [(text: String, quoted: String)] = [
      (
        "Where we rely on your consent you may withdraw it at any time. "
          + "We may however have other legal grounds for processing your recordings.", "other legal grounds"
      ),
      (
        "You may leave the panel at any time, but answers you have already submitted will be retained.",
        "already submitted"
      ),
      (
        "You may withdraw your consent at any time. Even if you withdraw, we will still use conversations you "
          + "rate to improve our models.", "Even if you withdraw"
      ),
    ]
    for c in cases {
      let s = try summary("Harbour Voice terms. We record your voice in each session. " + c.text)
      let withdraw = try #require(answer(s, "withdraw-or-delete"), "\(c.text)")
      #expect(withdraw.answer == "partly", "\(c.text)")
      #expect(withdraw.quotes.contains { $0.text.contains(c.quoted) }, "\(c.text)")
    }
    // The same no, honoured in full, is a plain yes.
    let honoured = try summary(
      "Harbour Voice terms. We record your voice in each session. You may withdraw at any time; "
        + "we then stop all processing of your recordings and delete them within 30 days.")
    #expect(answer(honoured, "withdraw-or-delete")?.answer == "yes")
    // The no said in one sentence, the keeping in the next, in words that no longer name it.
    let later = try summary(
      "Harbour Voice terms. We record your voice in each session. You may withdraw at any time. "
        + "The recordings made up to that point will be kept for the final analysis.")
    let kept = try #require(answer(later, "withdraw-or-delete"))
    #expect(kept.answer == "partly")
    #expect(kept.quotes.contains { $0.text.contains("up to that point") })
    // The same keeping with no "no" around it says where data is kept, not what outlives a withdrawal.
    let storage = try summary(
      "Harbour Voice terms. We record your voice in each session. "
        + "The recordings made up to that point will be kept for the final analysis.")
    #expect(answer(storage, "withdraw-or-delete")?.answer != "partly")
    // A marketing opt-out alone is no way out of the recordings.
    let mail = try summary(
      "Harbour Voice terms. We record your voice in each session. "
        + "If you wish not to receive any future marketing communications, please contact us.")
    #expect(answer(mail, "withdraw-or-delete")?.answer == "not stated")
  }

  // MARK: Readability and JSON

  @Test("Readability is judged against the state minimums, with the Ohio count of sentences")
  func readability() throws {
    let s = try summary(
      """
      Notwithstanding the foregoing, the licensee's obligations hereunder shall survive termination; \
      the licensor's remedies are cumulative: no waiver is effective unless in writing.
      """)
    let r = s.readability
    #expect(r.standards.map(\.jurisdiction) == ["Ohio", "Florida", "Virginia"])
    #expect(r.ohioReadingEase > r.readingEase)
    #expect(r.standards.allSatisfy { $0.meets == ($0.score >= $0.minimum) })
    #expect(r.legaleseShare > 0)
    #expect(r.readingMinutes == 1)
  }

  @Test("JSON has the documented, stable field names")
  func json() throws {
    let text = try SummaryJSON.encode(try sample("biometric-licence.xml"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    for key in [
      "grade", "gradeReasons", "formulaVersion", "formula", "points", "answers", "risks", "protections",
      "contradictions", "readability", "file",
    ] {
      #expect(object[key] != nil, "missing \(key)")
    }
    let answers = try #require(object["answers"] as? [[String: Any]])
    #expect(answers.count == (try SummaryTables.bundled.get()).questions.count)
    for answer in answers {
      #expect(["yes", "no", "partly", "not stated"].contains(answer["answer"] as? String ?? ""))
      #expect(answer["question"] is String)
      for quote in answer["quotes"] as? [[String: Any]] ?? [] {
        #expect(quote["text"] is String && quote["line"] is Int && quote["column"] is Int)
      }
    }
    let short = try SummaryJSON.encode(try summary("Too short."))
    #expect(short.contains("\"gradeWithheld\" : \"only 2 words"))
  }
}
