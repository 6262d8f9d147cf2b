/// `ReadingWords` as token IDs of one vocabulary: what the clause reader compares.
struct ReadingVocabulary: Sendable {
  let provider: Set<TokenID>
  let reader: Set<TokenID>
  let other: Set<TokenID>
  let power: Set<TokenID>
  let duty: Set<TokenID>
  let negation: Set<TokenID>
  /// Modal words, negations and auxiliaries: inside a match, they end its subject.
  let modal: Set<TokenID>
  /// Auxiliaries alone ("will", "is", "do").
  let auxiliary: Set<TokenID>
  /// Every word that may stand between the actor and the action: modals, negations, fillers.
  let chain: Set<TokenID>
  let agent: Set<TokenID>
  let conjunction: Set<TokenID>
  let pronoun: Set<TokenID>
  let possessive: Set<TokenID>
  let determiner: Set<TokenID>
  let opener: Set<TokenID>
  /// Words that open a condition before the main clause.
  let condition: Set<TokenID>
  let means: Set<TokenID>
  let imperative: Set<TokenID>
  let comma: TokenID
  let directive: Set<TokenID>
  let staff: Set<TokenID>
  /// "to", which opens the action a directive hands on.
  let to: TokenID
  let passive: Set<TokenID>
  let preposition: Set<TokenID>
  let skipped: Set<TokenID>
  /// "I": the reader in a consent form the person signs ("I agree"), the provider in a policy
  /// a person writes about their own site (`DocumentParties.firstPerson`).
  let firstPerson: TokenID
  let openParenthesis: TokenID
  let closeParenthesis: TokenID
  /// Tokens no reading crosses: sentence ends, semicolons, and the words that turn a sentence
  /// around ("but", "except", "unless").
  let boundary: Set<TokenID>

  /// - Parameter boundary: the engine's contrast set (breakers and contrast words).
  init(vocabulary: Vocabulary, boundary: Set<TokenID>) {
    func ids(_ words: [String]) -> Set<TokenID> { Set(words.compactMap { vocabulary.id(of: $0) }) }
    provider = ids(ReadingWords.provider)
    reader = ids(ReadingWords.reader)
    other = ids(ReadingWords.other)
    power = ids(ReadingWords.power)
    duty = ids(ReadingWords.duty)
    negation = ids(ReadingWords.negation)
    auxiliary = ids(ReadingWords.auxiliary)
    modal = power.union(duty).union(negation).union(auxiliary)
    chain = modal.union(ids(ReadingWords.filler))
    agent = ids(ReadingWords.agent)
    conjunction = ids(ReadingWords.conjunction)
    pronoun = ids(ReadingWords.pronoun)
    possessive = ids(ReadingWords.possessive)
    determiner = ids(ReadingWords.determiner)
    opener = ids(ReadingWords.opener)
    condition = ids(ReadingWords.condition)
    means = ids(ReadingWords.means)
    imperative = ids(ReadingWords.imperative)
    comma = vocabulary.id(of: ",") ?? Vocabulary.unknown
    directive = ids(ReadingWords.directive)
    staff = ids(ReadingWords.staff)
    to = vocabulary.id(of: "to") ?? Vocabulary.unknown
    passive = ids(ReadingWords.passive)
    preposition = ids(ReadingWords.preposition)
    skipped = ids(ReadingWords.skipped)
    firstPerson = vocabulary.id(of: "i") ?? Vocabulary.unknown
    openParenthesis = vocabulary.id(of: "(") ?? Vocabulary.unknown
    closeParenthesis = vocabulary.id(of: ")") ?? Vocabulary.unknown
    self.boundary = boundary
  }
}
