/// English inflections of a word, so a rule can say `sell+` instead of listing
/// sell/sells/selling/sold. Over-generation is harmless (no text says "sharinged"), so the
/// forms of a word are the union of its verb and noun forms.
enum WordForms {
  /// Irregular verbs common in contracts: base → past forms.
  static let irregular: [String: [String]] = [
    "sell": ["sold"], "buy": ["bought"], "give": ["gave", "given"], "make": ["made"], "keep": ["kept"],
    "hold": ["held"], "take": ["took", "taken"], "withdraw": ["withdrew", "withdrawn"], "send": ["sent"],
    "get": ["got", "gotten"], "grant": ["granted"], "bring": ["brought"], "choose": ["chose", "chosen"],
    "forgo": ["forwent", "forgone"], "forego": ["forewent", "foregone"], "lend": ["lent"], "let": ["let"],
    "lose": ["lost"], "pay": ["paid"], "put": ["put"], "read": ["read"], "see": ["saw", "seen"],
    "set": ["set"], "sue": ["sued"], "tell": ["told"], "understand": ["understood"], "write": ["wrote", "written"],
    "become": ["became", "become"], "begin": ["began", "begun"], "do": ["did", "done", "does"],
    "be": ["is", "are", "was", "were", "been", "being", "am"], "have": ["has", "had", "having"],
    "go": ["went", "gone", "goes"], "know": ["knew", "known"], "leave": ["left"], "mean": ["meant"],
    "shall": ["shall"], "will": ["will"], "may": ["may", "might"], "can": ["can", "could"],
    "rebuild": ["rebuilt"], "build": ["built"], "feed": ["fed"], "deal": ["dealt"], "forbid": ["forbade", "forbidden"],
    "bear": ["bore", "borne"], "find": ["found"], "shut": ["shut"], "speak": ["spoke", "spoken"],
    "hear": ["heard"], "bind": ["bound"], "seek": ["sought"], "show": ["shown"], "withhold": ["withheld"],
    "override": ["overrode", "overridden"], "arise": ["arose", "arisen"], "undertake": ["undertook", "undertaken"],
    "think": ["thought"], "lead": ["led"], "spend": ["spent"], "stand": ["stood"], "strike": ["struck", "stricken"],
  ]

  static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

  /// The word and its inflected forms.
  static func forms(of word: String) -> [String] {
    var out: [String] = [word]
    func add(_ form: String) { if !out.contains(form) { out.append(form) } }
    guard word.count > 1, word.allSatisfy({ $0.isLetter }) else { return out }
    irregular[word]?.forEach(add)
    let chars = Array(word)
    let last = chars[chars.count - 1]
    let beforeLast = chars[chars.count - 2]
    // -s / -es / -ies
    if last == "y" && !vowels.contains(beforeLast) {
      add(String(chars.dropLast()) + "ies")
      add(String(chars.dropLast()) + "ied")
    } else if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") || word.hasSuffix("ch")
      || word.hasSuffix("sh")
    {
      add(word + "es")
    } else {
      add(word + "s")
    }
    // -ed / -ing, with e-drop and consonant doubling (transfer → transferred).
    if last == "e" && ["e", "y", "o"].contains(beforeLast) {
      add(word + "d")  // agree → agreed, agreeing; see → seeing
      add(word + "ing")
    } else if last == "e" {
      add(word + "d")
      add(String(chars.dropLast()) + "ing")
    } else if last == "y" && !vowels.contains(beforeLast) {
      add(word + "ing")
    } else {
      let double = shouldDouble(chars)
      let stem = double ? word + String(last) : word
      add(stem + "ed")
      add(stem + "ing")
      if double {
        add(word + "ed")
        add(word + "ing")
      }
    }
    return out
  }

  /// Consonant–vowel–consonant endings double their last letter (stop → stopped; transfer →
  /// transferred). Stress is unknown here, so long words get both spellings.
  private static func shouldDouble(_ chars: [Character]) -> Bool {
    guard chars.count >= 3 else { return false }
    let c = chars[chars.count - 1]
    let v = chars[chars.count - 2]
    let p = chars[chars.count - 3]
    guard !vowels.contains(c), vowels.contains(v), !vowels.contains(p) else { return false }
    return !["w", "x", "y"].contains(c)
  }
}
