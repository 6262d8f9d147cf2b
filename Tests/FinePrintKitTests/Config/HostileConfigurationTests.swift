import Foundation
import Testing
@testable import FinePrintKit

/// A `.fineprint.yml` found above a CI checkout, or a rule folder it names, is input like any
/// other: each of these hung the run (issue 16); each must now be a located error or a
/// reading in linear time.
@Suite("Hostile configuration and rule files")
struct HostileConfigurationTests {
  /// Ten anchors, each a list of ten aliases to the one before: 10¹⁰ nodes once expanded.
  static func laughs(last: String) -> String {
    var yaml = "version: 1\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for k in 1..<10 { yaml += "l\(k): &l\(k) [" + Array(repeating: "*l\(k - 1)", count: 10).joined(separator: ", ") + "]\n" }
    return yaml + last
  }

  @Test("A YAML alias bomb (billion laughs, also as a mapping key) is a located error, not a hang")
  func aliasBomb() throws {
    // As a value, and as a key: Yams hashed every key to find duplicates, reading the bomb in full.
    for last in ["disable: *l9\n", "? *l9\n: x\n", "severity: {? *l9 : error}\n"] {
      #expect {
        try Configuration.parse(Array(Self.laughs(last: last).utf8), path: "repo/.fineprint.yml")
      } throws: { error in
        (error as? RuleLoadError)?.errorDescription
          == "repo/.fineprint.yml:7:45: invalid YAML: aliases expand to more than 1000000 nodes (an alias bomb?)"
      }
      #expect {
        try RuleSet.parse(files: [("Rules/bomb.yml", Self.laughs(last: last))])
      } throws: { error in
        (error as? RuleLoadError)?.errorDescription?.hasPrefix("Rules/bomb.yml:7:45: invalid YAML: aliases expand") == true
      }
    }
  }

  @Test("Anchors and aliases within the limit still read")
  func aliasesWithinTheLimit() throws {
    let config = try Configuration.parse(
      Array("version: 1\ndisable: &off [plain-language]\nignore: *off\n".utf8), path: ".fineprint.yml")
    #expect(config.disabled == ["plain-language"])
    #expect(config.ignore == ["plain-language"])
    #expect(YAMLAliasLimit.overflow(in: Self.laughs(last: ""), limit: 100) != nil)
    #expect(YAMLAliasLimit.overflow(in: "a: &a [x, y]\nb: [*a, *a, *a]\n", limit: 100) == nil)
  }

  @Test("YAML that libyaml's reader refuses (control characters) is one line at its place")
  func readerErrors() {
    #expect {
      try Configuration.parse(Array("version: 1\ndisable: ab\u{1}c\n".utf8), path: ".fineprint.yml")
    } throws: { error in
      (error as? RuleLoadError)?.errorDescription == ".fineprint.yml:2:12: invalid YAML: control characters are not allowed"
    }
  }

  @Test(
    "A backtracking glob against a long path answers at once, as before for ordinary globs",
    arguments: [
      ("*a*a*a*a*a*a*a*ab", String(repeating: "a", count: 400), false),
      ("**a**a**a**a**a**a**a**ab", String(repeating: "a/", count: 200), false),
      ("*a*a*a*a*a*a*a*ab", String(repeating: "a", count: 400) + "b", true),
      ("a?c", "abc", true), ("a?c", "ac", false), ("*", "", true), ("**", "a/b/c", true), ("*", "a/b", false),
      ("docs/*.html", "docs/terms.html", true), ("docs/**/*.html", "docs/eu/2024/terms.html", true),
      ("***", "x/y", true), ("*x", "x", true), ("x*", "x", true), ("", "", true), ("", "a", false),
    ])
  func linearGlob(pattern: String, path: String, expected: Bool) {
    #expect(Configuration.glob(pattern, matches: path) == expected)
  }

  @Test(
    "A regex rule that could backtrack exponentially is refused where it is written",
    arguments: [
      "(x+x+)+y", "(a|aa)*", "(a*)*b", "(a)\\1", "((ab)+c)+", "(a{2,})+", "(?:a+)+", "(a|b)+",
      "x+x+x+y", "a*b*c*d", "[a-z]+[0-9]+x{2,}", ".*a.*b.*c",
    ])
  func exponentialRegex(pattern: String) {
    let escaped = pattern.replacingOccurrences(of: "\\", with: "\\\\")  // inside a YAML double-quoted string
    let yaml = RuleLoadingTests.valid.replacingOccurrences(of: "sell+ ..3", with: "/\(escaped)/ ..3")
    #expect(TokenRegex.backtrackingRisk(pattern) != nil)
    #expect {
      _ = try RuleEngine(
        ruleSet: try RuleSet.parse(files: [("Rules/bad.yml", yaml)]).addingLexicons(try RuleSet.bundled().lexicons))
    } throws: { error in
      (error as? RuleLoadError)?.errorDescription?.hasPrefix("Rules/bad.yml:8:16: invalid pattern") == true
        && (error as? RuleLoadError)?.errorDescription?.contains("could take too long on a long word") == true
    }
  }

  @Test(
    "Ordinary regexes still load",
    arguments: [
      "(networkadvertising|aboutads|youronlinechoices)", "^\\d+$", "colou?r", "[0-9]+", "(ab)?c", "(a|b)c", "x{2}",
      "(ab){2}", "[(]+", "\\(+", "[a-z]+(ing|ed)", "(a+)?", "(ab){1,1}", "x+x+y", "^[a-z]+-[a-z]+$", "[*+]{1,3}x",
    ])
  func ordinaryRegex(pattern: String) {
    #expect(TokenRegex.backtrackingRisk(pattern) == nil, "\(pattern)")
  }

  @Test("A regex with repetitions that do load costs a bounded time per word: words past 256 bytes are not tried")
  func polynomialRegexBounded() throws {
    let yaml = """
      version: 1
      rules:
        - id: x-rule
          category: third-party-resale
          severity: warning
          title: X
          message: X.
          patterns: ["/x*x*y/"]
          examples: {flag: [A xxy here.], pass: [Nothing.]}
      """
    let set = try RuleSet.parse(files: [("Rules/x.yml", yaml)]).addingLexicons(try RuleSet.bundled().lexicons)
    let linter = Linter(engine: try RuleEngine(ruleSet: set))
    // x*x*y against one word of 5,000 x's took minutes; 200 of them are now passed over.
    let long = String(repeating: "x", count: 5_000)
    let text =
      "A xxxy here.\n\n" + Array(repeating: long, count: 200).joined(separator: " ") + ".\n\n"
      + String(repeating: "x", count: 250) + "y too.\n"
    let start = ContinuousClock.now
    let findings = linter.lint(try TestSupport.document(text))
    #expect(ContinuousClock.now - start < .seconds(20))
    #expect(findings.map(\.match) == ["xxxy", String(repeating: "x", count: 250) + "y"])
    #expect(TokenRegex.repetitionCount("[+*]+a\\*b{2}c{1,}d?") == 2)
  }
}
