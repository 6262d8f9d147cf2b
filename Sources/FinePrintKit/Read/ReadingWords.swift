/// The words the clause reader knows, by role, as the tokenizer normalises them. The rule
/// compiler interns them all, so that reading a clause compares token IDs, never strings.
enum ReadingWords {
  /// Words that name the provider when they stand as the subject ("we may", "the Company shall").
  static let provider = [
    "we", "us", "company", "provider", "university", "researchers", "investigator", "investigators", "sponsor",
    "team", "licensee", "requester", "operator", "organisation", "organization", "institution", "controller",
  ]
  /// Words that name the reader ("you may", "the participant is free to", "I understand that I can").
  static let reader = [
    "you", "i", "user", "users", "participant", "participants", "contributor", "contributors", "member", "members",
    "subscriber", "subscribers", "customer", "customers", "donor", "donors", "volunteer", "volunteers", "talent",
    "licensor", "creator", "creators", "worker", "workers", "respondent", "respondents", "consumer", "consumers",
  ]
  /// A word before a party word that makes it someone else ("other users", "another participant").
  static let other = ["other", "another", "third"]
  /// A power or a right.
  static let power = [
    "may", "can", "could", "might", "reserve", "reserves", "reserved", "entitled", "free", "able", "right", "rights",
    "discretion", "permitted", "allowed",
  ]
  /// An obligation.
  static let duty = [
    "must", "shall", "agree", "agrees", "required", "obliged", "obligated", "undertake", "undertakes", "need", "needs",
  ]
  /// Negations between the actor and the action.
  static let negation = ["not", "never", "no", "neither", "nor"]
  /// Auxiliaries, adverbs and the words of "at our sole discretion" or "at any time", which
  /// stand between an actor and the action without changing who acts.
  static let filler = [
    "will", "would", "do", "does", "did", "is", "are", "am", "be", "been", "being", "have", "has", "to", "the",
    "also", "only", "further", "hereby", "expressly", "additionally", "then", "therefore", "thus", "still",
    "at", "our", "its", "their", "sole", "absolute", "reasonable", "any", "time", "times", "all", "ever",
    "fully", "solely", "both", "each", "either", "always", "generally", "usually", "sometimes", "otherwise",
    // Verbs that pass their subject on to the next one: "you may choose to close your account".
    "choose", "chooses", "decide", "decides", "elect", "elects", "wish", "wishes", "want", "wants", "prefer",
    "prefers", "try", "tries", "like", "please",
  ]
  /// Auxiliaries that, inside a match, show where its subject ends ("your data is shared").
  static let auxiliary = ["will", "would", "do", "does", "did", "is", "are", "am", "be", "been", "being", "have", "has"]
  /// Words that open a passive agent ("removed by us").
  static let agent = ["by"]
  /// The forms of "be" that make a chain passive.
  static let passive = ["be", "been", "being", "is", "are"]
  /// Prepositions: a party word right after one is an object, not the actor ("shared with you").
  static let preposition = [
    "by", "to", "with", "from", "for", "of", "about", "on", "between", "among", "than", "against", "via", "through",
    "concerning", "regarding",
  ]
  /// Pronouns that can only be a subject or an object, never part of a name ("User Content").
  static let pronoun = ["we", "you", "i"]
  /// Possessives before a party noun that make it part of a thing's name ("your User Content").
  static let possessive = ["your", "their", "its", "my", "his", "her"]
  /// Words that may stand before a subject's noun ("the Company", "our researchers").
  static let determiner = ["the", "our", "your", "their", "its", "my", "this", "these", "each", "all", "a", "an"]
  /// Words after which a new subject may start: a clause opens ("that we may", "if you", "and
  /// we"). A party word after any other word is an object or part of a name ("data about
  /// our users", "sale of company assets").
  static let opener = [
    "that", "which", "who", "how", "what", "whether", "why", "if", "should", "unless", "when", "whenever", "where", "once",
    "after", "before", "because", "as", "while",
    "and", "or", "then", "so", "until", "since", "provided", "understand", "acknowledge", "agree", "confirm",
    "accept", "note", "also", "hereby", "therefore", "thus", "further", "example", "instance", "addition",
    "particular", "otherwise", "however", "accordingly",
  ]
  /// Words that open a condition before the main clause ("if you withdraw, your data …").
  static let condition = ["if", "when", "whenever", "once", "after", "before", "should", "until", "where", "upon"]
  /// The words that may open an instruction to the reader: "do not", "never", "please do not".
  static let imperative = ["do", "not", "never", "please", "always"]
  /// Words that open a means or an example of what the sentence's subject does ("you can end
  /// them by deleting your account", "we may act, including suspending your account"): a match
  /// that starts with one belongs to the verb before it.
  static let means = ["by", "including", "through", "via", "instead", "rather"]
  /// Verbs that hand the action after "to" to their object, as a duty: "we require our partners
  /// not to share it", "we instruct our vendors to delete it".
  static let directive = [
    "require", "requires", "required", "oblige", "obliges", "obliged", "obligate", "obligates", "obligated",
    "instruct", "instructs", "instructed", "direct", "directs", "directed", "bind", "binds", "compel", "compels",
  ]
  /// The provider's own people, told to do something: "we require our staff to keep it confidential".
  static let staff = ["staff", "employees", "employee", "personnel"]
  /// Words that join two parties into one actor ("you or VoxBounty", "you and we").
  static let conjunction = ["or", "and"]
  /// Punctuation skipped when looking back for the actor (a lead-in's colon, a list marker's
  /// parenthesis, a comma).
  static let skipped = [",", ":", "(", ")"]

  static var all: [String] {
    provider + reader + other + power + duty + negation + auxiliary + filler + conjunction + pronoun + possessive + determiner
      + opener + condition + means + imperative + agent + passive + preposition + skipped + directive + staff + ["to"]
  }
}
