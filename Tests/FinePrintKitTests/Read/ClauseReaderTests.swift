import Testing
@testable import FinePrintKit

/// Who does what: the reading of the words a rule matched, on sentences of our own.
@Suite("Clause reader: actor, modality, negation")
struct ClauseReaderTests {
  static let engine = try! TestSupport.engine()

  /// The reading of the first token whose text is `word` in `sentence` (read as a one-word match).
  func reading(_ sentence: String, at word: String, in document: String? = nil) throws -> Reading {
    let bytes = Array(sentence.utf8)
    let tokens = Self.engine.tokenizer.tokens(in: bytes, range: 0..<bytes.count)
    let index = try #require(
      tokens.firstIndex { RuleEngine.text(of: $0, bytes: bytes, vocabulary: Self.engine.tokenizer.vocabulary) == word })
    let parties = DocumentParties(learningFrom: Array((document ?? sentence).utf8))
    return Self.engine.reading(index, index, tokens[...], bytes: bytes, parties: parties)
  }

  /// The reading of a match that runs from the first token `first` to the first `last` after it.
  func reading(_ sentence: String, from first: String, to last: String) throws -> Reading {
    let bytes = Array(sentence.utf8)
    let tokens = Self.engine.tokenizer.tokens(in: bytes, range: 0..<bytes.count)
    let text = { RuleEngine.text(of: $0, bytes: bytes, vocabulary: Self.engine.tokenizer.vocabulary) }
    let start = try #require(tokens.firstIndex { text($0) == first })
    let end = try #require(tokens[start...].firstIndex { text($0) == last })
    return Self.engine.reading(start, end, tokens[...], bytes: bytes, parties: DocumentParties(learningFrom: bytes))
  }

  @Test(
    "A match that opens in a condition reads as its main clause",
    arguments: [
      ("If you withdraw, your data may still be used in the analysis.", "withdraw", "used", nil as Party?, Modality.power),
      ("If you leave the study, we will keep the samples already collected.", "leave", "keep", .provider, .statement),
      ("Should you withdraw, the study team may keep your answers.", "withdraw", "keep", .provider, .power),
      ("Once you stop taking part, you can still download your recordings.", "stop", "download", .reader, .power),
      // No comma inside the match: the condition is the match, and its subject acts.
      ("If you withdraw your consent we will delete your data.", "withdraw", "consent", .reader, .statement),
      // The match starts after the condition's comma: nothing to skip.
      ("If you withdraw, we may keep your answers.", "we", "keep", .provider, .power),
    ])
  func conditionThenMainClause(
    _ sentence: String, _ first: String, _ last: String, _ actor: Party?, _ modality: Modality
  ) throws {
    let r = try reading(sentence, from: first, to: last)
    #expect(r.actor == actor)
    #expect(r.modality == modality)
  }

  @Test(
    "The provider's powers",
    arguments: [
      "We may terminate your account at any time.",
      "If you breach these terms, we may terminate your account.",
      "We reserve the right, at our sole discretion, to terminate your account.",
      "The Company may terminate your account without notice.",
      "The study team may terminate your participation if you miss two visits.",
      "You agree that we may terminate your account.",
    ])
  func providerPower(_ sentence: String) throws {
    let r = try reading(sentence, at: "terminate")
    #expect(r.actor == .provider)
    #expect(r.modality == .power)
    #expect(!r.negated)
  }

  @Test(
    "The reader's own rights and duties",
    arguments: [
      ("You may terminate your account at any time.", Modality.power, false),
      ("You are free to terminate your participation whenever you wish.", .power, false),
      ("The participant may terminate the agreement on written notice.", .power, false),
      ("I understand that I can terminate my participation at any time.", .power, false),
      ("You agree not to terminate the recording session early.", .duty, true),
      ("You must not terminate another user's session.", .duty, true),
      ("This agreement can be terminated by you at any time.", .power, false),
      ("If you join, you are free to leave the study, and to terminate your participation at any time.", .power, false),
      ("You may download your recordings and terminate the licence whenever you like.", .power, false),
    ])
  func readerActs(_ sentence: String, _ modality: Modality, _ negated: Bool) throws {
    let r = try reading(sentence, at: sentence.contains("terminated") ? "terminated" : "terminate")
    #expect(r.actor == .reader)
    #expect(r.modality == modality)
    #expect(r.negated == negated)
  }

  @Test(
    "No one actor: a passive, a clause about something else, both sides",
    arguments: [
      "Your account may be terminated without notice.",
      "Information you provide may be shared with partners.",
      "This agreement may be terminated by you or by us.",
      "You or we may terminate this agreement on notice.",
    ])
  func unstated(_ sentence: String) throws {
    let word = sentence.contains("shared") ? "shared" : "terminated"
    let r = try reading(sentence, at: sentence.contains("terminate this") ? "terminate" : word)
    #expect(r.actor == nil)
  }

  @Test(
    "A directive hands the action to its object, as a duty",
    arguments: [
      ("We require our partners not to share your recordings.", "not", "share", Party.other as Party?),
      ("We contractually require partners and customers receiving your data to not further share it.", "not", "share", .other),
      ("The Company instructs its vendors to delete your files within a month.", "delete", "delete", .other),
      ("We require you to keep your password secret.", "keep", "keep", .reader),
      ("We require the participant to return the device.", "return", "return", .reader),
      ("We oblige our staff never to disclose your answers.", "never", "disclose", .provider),
    ])
  func directive(_ sentence: String, _ first: String, _ last: String, _ actor: Party?) throws {
    let r = try reading(sentence, from: first, to: last)
    #expect(r.actor == actor)
    #expect(r.modality == .duty)
  }

  @Test("No directive: the subject acts, or a verb stands between the directive and the action")
  func noDirective() throws {
    #expect(try reading("We may share your recordings with partners.", at: "share").actor == .provider)
    // The object of "allow" acts, but "require" governs "allow", not "share".
    #expect(try reading("We require you to allow us to share your data.", at: "share").actor == nil)
    // "required to" with no object is the subject's own duty.
    let own = try reading("You are required to keep your password secret.", at: "keep")
    #expect(own.actor == .reader)
    #expect(own.modality == .duty)
  }

  @Test("A passive's agent, a lead-in, other users, a preposition")
  func agentsAndLeadIns() throws {
    #expect(try reading("Content posted by you may be removed by us without notice.", at: "removed").actor == .provider)
    let leadIn = try reading("We will not: (a) sell your recordings to anyone.", at: "sell")
    #expect(leadIn.actor == .provider)
    #expect(leadIn.negated)
    #expect(try reading("Other users may remove your comments.", at: "remove").actor == .other)
    // A match that starts after its verbs: "… or create derivative works".
    let works = try reading(
      "You agree that you will not copy, modify, adapt or create derivative works of the app.", at: "derivative")
    #expect(works.actor == .reader)
    #expect(works.negated)
    #expect(try reading("We use your recordings to improve our speech technology.", at: "recordings").actor == .provider)
    let instruction = try reading("Do not share your password with anyone.", at: "share")
    #expect(instruction.actor == .reader)
    #expect(instruction.modality == .duty)
    #expect(try reading("Recordings shared with you may be removed later.", at: "removed").actor == nil)
    // A match right after "through", "by" or "including" belongs to the verb before it: an
    // option of the reader's, not a term imposed on them.
    let option = try reading("For small claims, you may choose to settle a dispute through binding arbitration.", at: "binding")
    #expect(option.actor == .reader)
    #expect(option.modality == .power)
    let imposed = try reading("We may settle any dispute through binding arbitration.", at: "binding")
    #expect(imposed.actor == .provider)
  }

  @Test("Names the document defines for itself")
  func learnedParties() throws {
    let document = """
      VoxBounty Ltd. ("VoxBounty", "we") runs a voice marketplace. The person who records (the "Speaker" or \
      "you") is paid per clip. Acme Research Inc. ("Acme") buys datasets.
      """
    let parties = DocumentParties(learningFrom: Array(document.utf8))
    #expect(parties.names.contains { $0.words == ["voxbounty"] && $0.party == .provider })
    #expect(parties.names.contains { $0.words == ["speaker"] && $0.party == .reader })
    #expect(parties.names.contains { $0.words == ["acme"] && $0.party == .provider })
    #expect(try reading("VoxBounty may sell the recordings.", at: "sell", in: document).actor == .provider)
    #expect(try reading("The Speaker may sell the recordings elsewhere.", at: "sell", in: document).actor == .reader)
    // "I" signs a consent form, and writes a one-person site's policy.
    #expect(try reading("I agree that I may share my recordings with my family.", at: "share").actor == .reader)
    #expect(try reading("I never share my visitors' statistics with anyone.", at: "share").actor == .provider)
    // A defined thing is no party.
    let things = DocumentParties(learningFrom: Array(#"the mobile application (the "App") and its content"#.utf8))
    #expect(things.names.isEmpty)
  }

  @Test("A signer's phrase is found wherever it starts, eight bytes at a time or one by one")
  func signerAnywhere() {
    // Every offset against the eight-byte steps, near the end of the text too, and text full of
    // "i" and spaces that holds no phrase ("wi-fi is", "Mi Ami").
    let filler = "wi-fi is on; Mi Ami hi i: "
    for offset in 0..<24 {
      let before = String(repeating: "x", count: offset)
      #expect(DocumentParties.hasSigner(Array((filler + before + " I agree").utf8)), "offset \(offset)")
      #expect(DocumentParties.hasSigner(Array((before + " i understand." + filler).utf8)), "offset \(offset)")
      #expect(!DocumentParties.hasSigner(Array((filler + before + " I agre").utf8)), "offset \(offset)")
      #expect(!DocumentParties.hasSigner(Array((before + "xI agree" + filler).utf8)), "offset \(offset)")
    }
  }
}
