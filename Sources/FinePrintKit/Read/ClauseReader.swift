/// Reads who does what where a rule matched in a clause: the actor (the subject of the modal or
/// verb that governs the match), the modality (a power, a duty, a plain statement) and whether
/// a negation stands between them.
///
/// It is a shallow reading over tokens, not a parse. When the match holds its own modal words
/// ("your data may be shared", "we will not sell"), the words before them in the match are the
/// subject. Otherwise it looks back from the match, within the same sentence part (never across
/// `;`, a sentence end, or "but", "except", "unless"…), over the words that may stand between
/// an actor and its action ("may", "will not", "reserves the right to", "at its sole
/// discretion", a comma, a list marker), and takes the first other word as the subject. A party
/// word or a name the document defined is the actor unless a preposition governs it ("shared
/// with you"); any other word ("information you provide may be shared") leaves the actor
/// unstated. A passive's agent ("removed by us") names it.
struct ClauseReader: Sendable {
  let words: ReadingVocabulary
  let vocabulary: Vocabulary

  /// How far the reader looks back from a match, in tokens.
  static let lookBack = 16
  /// How far into a match it looks for its modal words.
  static let lookInto = 3
  /// How far back past a conjunction it looks for the first verb's modal words.
  static let coordinationReach = 10
  /// How far past a match it looks for a passive's agent.
  static let lookPast = 8

  /// The reading of the match `start...end` (indices into `tokens`, counted from 0).
  func read(start: Int, end: Int, tokens: ArraySlice<Token>, bytes: [UInt8], parties: DocumentParties) -> Reading {
    let view = ClauseView(words: words, vocabulary: vocabulary, tokens: tokens, bytes: bytes, parties: parties)
    func id(_ i: Int) -> TokenID { view.id(i) }
    var lower = start
    while lower > 0 && !words.boundary.contains(id(lower - 1)) { lower -= 1 }
    // A match that opens in a condition and runs on into the main clause ("if you withdraw,
    // your data may still be used") reads as its main clause: the condition's subject is not
    // the actor of what follows it.
    if let main = view.mainClauseStart(matchStart: start, matchEnd: end, lower: lower) {
      return read(start: main, end: end, lower: main, view: view)
    }
    return read(start: start, end: end, lower: lower, view: view)
  }

  /// The reading of the match `start...end` within the sentence part that begins at `lower`.
  private func read(start: Int, end: Int, lower: Int, view: ClauseView) -> Reading {
    let count = view.count
    func id(_ i: Int) -> TokenID { view.id(i) }
    func subject(endingAt i: Int, lower: Int) -> (party: Party, range: ClosedRange<Int>)? {
      view.subject(endingAt: i, lower: lower)
    }
    var reading = Reading()
    var chain: [Int] = []
    // 1. Modal words inside the match: "your data may be shared", "we will not sell".
    let innerLimit = min(end, start + Self.lookInto)
    var inner = start
    while inner <= innerLimit && !words.modal.contains(id(inner)) { inner += 1 }
    if inner <= innerLimit {
      var k = inner
      while k <= end && words.chain.contains(id(k)) {
        chain.append(k)
        k += 1
      }
    }
    if inner <= innerLimit && inner > start {
      // The match's own words before them are its subject.
      if let found = subject(endingAt: inner - 1, lower: start) {
        reading.actor = found.party
        reading.actorTokens = found.range
      }
    } else if inner > innerLimit && words.pronoun.contains(id(start)), let found = subject(endingAt: start, lower: lower) {
      // "we share your data": the match starts with its subject.
      reading.actor = found.party
      reading.actorTokens = found.range
    } else {
      // 2. The match starts with its action: look back for its modal words and subject.
      // A match that opens with "by" or "including", or follows one ("resolve disputes through
      // binding arbitration"), reads as the verb before it does.
      var i = words.means.contains(id(start)) ? start : start - 1
      var coordinated = false
      var skippedVerbs = false
      while i >= lower && start - i <= Self.lookBack + (coordinated || skippedVerbs ? Self.coordinationReach : 0) {
        let t = id(i)
        if words.chain.contains(t) {
          chain.append(i)
        } else if t == words.closeParenthesis, let open = (max(lower, i - 5)..<i).last(where: { id($0) == words.openParenthesis })
        {
          // A list marker or a short aside: "We will not: (a) sell".
          i = open
        } else if t == words.comma, let aside = (max(lower, i - 8)..<i).last(where: { id($0) == words.comma }),
          words.chain.contains(id(i + 1)) || i + 1 == start
        {
          // An aside between commas before the verb: "we may, by notice to you, terminate".
          i = aside - 1
          continue
        } else if words.conjunction.contains(t) || words.means.contains(t) && (i == start || i == start - 1), !coordinated {
          // "you are free to withdraw your consent, and to discontinue participation": the
          // second verb shares the first one's modal words and subject. Look back past the
          // first verb's object (a few words) for its modal words.
          coordinated = true
          var j = i - 1
          while j >= lower && i - j <= Self.coordinationReach && !words.modal.contains(id(j)) { j -= 1 }
          if j < lower || i - j > Self.coordinationReach { break }
          i = j
          continue
        } else if !words.skipped.contains(t) {
          if let found = subject(endingAt: i, lower: lower) {
            reading.actor = found.party
            reading.actorTokens = found.range
          } else if !skippedVerbs && i == start - 1 && !words.chain.contains(id(start)) {
            // The match starts after its verb ("create derivative works"), or after a list of
            // verbs ("copy, modify, adapt or create …"): step back over the list, one word
            // between each separator, to the modal words or the subject before it.
            skippedVerbs = true
            var verb = i
            while verb > lower && words.determiner.contains(id(verb)) { verb -= 1 }
            var j = verb - 1
            while j - 1 >= lower && (id(j) == words.comma || words.conjunction.contains(id(j)))
              && !words.chain.contains(id(j - 1))
            {
              j -= (j - 2 >= lower && id(j - 1) == words.comma && words.conjunction.contains(id(j))) ? 3 : 2
            }
            if j >= lower {
              i = j
              continue
            }
          }
          break
        }
        i -= 1
      }
      // An instruction with no subject ("Do not share your password", "Never sell the app")
      // addresses the reader; "does not share" (a subject left out) and "not selling" (a
      // promise in a list) do not.
      if reading.actor == nil && i < lower && lower < start
        && (lower..<start).contains(where: { words.negation.contains(id($0)) })
        && (lower..<start).allSatisfy({ words.imperative.contains(id($0)) || words.skipped.contains(id($0)) })
        && !view.text(start).hasSuffix("ing")
      {
        reading.actor = .reader
        reading.modality = .duty
      }
    }
    // 2b. An action someone is told to do: "we require our partners not to share it" is the
    // partners' duty, not the provider's promise.
    if reading.actor == nil, let directed = view.directed(before: start, end: end, lower: lower) {
      reading.actor = directed.party
      reading.actorTokens = directed.range
      reading.modality = .duty
    }
    // 3. A passive's agent: "may be removed by us", "can be ended by the participant".
    if reading.actor == nil && chain.contains(where: { words.passive.contains(id($0)) }) {
      var j = start
      while j + 1 < count && j <= end + Self.lookPast && !words.boundary.contains(id(j)) {
        if words.agent.contains(id(j)) {
          // The first "by" names the agent; "by you or by us" names no one.
          if let agent = view.agent(at: j + 1) {
            reading.actor = agent.party
            reading.actorTokens = agent.range
          }
          break
        }
        j += 1
      }
    }
    if let low = chain.min(), let high = chain.max() { reading.modalTokens = low...high }
    let chainIDs = chain.map(id)
    reading.negated = chainIDs.contains(where: words.negation.contains)
    // The modal word nearest the action decides: "may be required to" is a duty, "shall have
    // the right to" a power.
    if let nearest = chain.filter({ words.power.contains(id($0)) || words.duty.contains(id($0)) }).max() {
      reading.modality = words.power.contains(id(nearest)) ? .power : .duty
    }
    return reading
  }
}

/// One clause's tokens as the reader walks them: token IDs, texts, and who a word names.
private struct ClauseView {
  let words: ReadingVocabulary
  let vocabulary: Vocabulary
  let tokens: ArraySlice<Token>
  let bytes: [UInt8]
  let parties: DocumentParties

  var count: Int { tokens.count }
  func id(_ i: Int) -> TokenID { tokens[tokens.startIndex + i].id }
  func text(_ i: Int) -> String { RuleEngine.text(of: tokens[tokens.startIndex + i], bytes: bytes, vocabulary: vocabulary) }

  /// Whether token `index` is a party word.
  func isParty(_ index: Int) -> Bool {
    index >= 0 && (words.provider.contains(id(index)) || words.reader.contains(id(index)))
  }

  /// The party whose name ends at token `i` if it stands as a subject there: a party word or
  /// a name the document defined, opening its clause (after the start, a comma, "that", "if",
  /// "and"…) or right before a modal — not after a preposition or a verb ("information about
  /// our users", "sale of company assets").
  func subject(endingAt i: Int, lower: Int) -> (party: Party, range: ClosedRange<Int>)? {
    guard i >= lower else { return nil }
    var party: Party
    var first = i
    if id(i) == words.firstPerson {
      party = parties.firstPerson
    } else if words.provider.contains(id(i)) {
      party = .provider
    } else if words.reader.contains(id(i)) {
      party = .reader
    } else if let name = parties.name(endingAt: i, lowerBound: lower, text: text) {
      party = name.party
      first = i - name.words.count + 1
    } else {
      return nil
    }
    // "you or we may end it": both sides, no one actor.
    if first - 1 > lower && words.conjunction.contains(id(first - 1)) && isParty(first - 2) { return nil }
    if first > lower && words.other.contains(id(first - 1)) {
      party = .other
      first -= 1
    }
    // "your User Content", "their member profile": a noun that names a thing of someone's.
    if first > lower && words.possessive.contains(id(first - 1)) && !words.pronoun.contains(id(first)) { return nil }
    // A party word right before a modal is its subject, whatever precedes it ("for small
    // claims you may choose …"), unless a preposition governs it.
    let modalFollows =
      i + 1 < count
      && (words.power.contains(id(i + 1)) || words.duty.contains(id(i + 1))
        || words.auxiliary.contains(id(i + 1)))
    var before = first - 1
    // A party noun may have a word or two before it: "the study team", "registered users".
    if !words.pronoun.contains(id(first)) {
      var modifiers = 0
      while modifiers < 2 && before >= lower && !words.determiner.contains(id(before))
        && !words.opener.contains(id(before)) && !words.skipped.contains(id(before))
        && !words.chain.contains(id(before)) && !words.preposition.contains(id(before))
        && !words.boundary.contains(id(before)) && !isParty(before)
      {
        before -= 1
        modifiers += 1
      }
    }
    while before >= lower && words.determiner.contains(id(before)) { before -= 1 }
    if before >= lower && words.preposition.contains(id(before)) { return nil }
    guard modalFollows || before < lower || words.skipped.contains(id(before)) || words.opener.contains(id(before))
    else { return nil }
    return (party, first...i)
  }

  /// Where the main clause begins inside a match that opens in a condition: a condition word
  /// ("if", "when", "once", "should") stands in the sentence part at or before the match with
  /// no comma between them (the match starts inside the condition), and a comma inside the
  /// match ends it. Nil otherwise.
  func mainClauseStart(matchStart: Int, matchEnd: Int, lower: Int) -> Int? {
    guard
      let condition = (lower...matchStart).last(where: { words.condition.contains(id($0)) }),
      !(condition..<matchStart).contains(where: { id($0) == words.comma })
    else { return nil }
    var comma = max(condition, matchStart)
    while comma < matchEnd && id(comma) != words.comma { comma += 1 }
    var main = comma + 1
    while main <= matchEnd && words.skipped.contains(id(main)) { main += 1 }
    return comma < matchEnd && main <= matchEnd ? main : nil
  }

  /// How many words a directive's object may hold ("any selected partners and customers
  /// receiving your information").
  static let objectReach = 10

  /// The party a directive verb tells to do the action at `start`: "we require our partners
  /// (not) to share it" names the partners (someone else), "we require you to keep it" the
  /// reader, "we instruct our staff to" the provider. The "to" stands right before the action,
  /// past its negation, or just inside the match ("not to share"). Nil when no directive
  /// governs it.
  func directed(before start: Int, end: Int, lower: Int) -> (party: Party, range: ClosedRange<Int>)? {
    var last = start - 1
    var opensAction = false
    while last >= lower && words.chain.contains(id(last)) && !words.determiner.contains(id(last)) {
      opensAction = opensAction || id(last) == words.to
      last -= 1
    }
    if !opensAction {
      opensAction =
        (start...min(end, start + 2)).contains { id($0) == words.to }
        && words.negation.contains(id(start))
    }
    guard opensAction, last >= lower else { return nil }
    var verb = last
    while verb >= lower && last - verb < Self.objectReach && !words.directive.contains(id(verb)) {
      let t = id(verb)
      if t == words.to || words.boundary.contains(t) || words.modal.contains(t) { return nil }
      verb -= 1
    }
    guard verb >= lower, verb < last, words.directive.contains(id(verb)) else { return nil }
    let object = (verb + 1)...last
    // "you", or a reader's noun alone ("the participant"); "partners and customers" are others.
    let nouns = object.filter { !words.determiner.contains(id($0)) && !words.chain.contains(id($0)) }
    if object.contains(where: { words.pronoun.contains(id($0)) && words.reader.contains(id($0)) })
      || nouns.count == 1 && words.reader.contains(id(nouns[0]))
    {
      return (.reader, object)
    }
    if object.contains(where: { words.provider.contains(id($0)) || words.staff.contains(id($0)) }) {
      return (.provider, object)
    }
    return (.other, object)
  }

  /// The party named right after "by" ("by us", "by the Company", "by other users").
  func agent(at index: Int) -> (party: Party, range: ClosedRange<Int>)? {
    var other = false
    var i = index
    while i < count && i < index + 3 {
      let t = id(i)
      if words.provider.contains(t) || words.reader.contains(t) {
        // "by you or VoxBounty": both sides, no one actor.
        if i + 1 < count && words.conjunction.contains(id(i + 1)) { return nil }
        let party: Party = words.provider.contains(t) ? .provider : .reader
        return (other ? .other : party, index...i)
      }
      if words.other.contains(t) { other = true }
      i += 1
    }
    return nil
  }
}
