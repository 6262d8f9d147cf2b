import Foundation
import Testing
@testable import FinePrintKit

/// Compiled rule images and the cache that keeps them: an engine read back from its image is
/// the engine that wrote it, a damaged image is an error, and the cache compiles only what
/// changed.
@Suite("Compiled rule images")
struct RuleImageTests {
  static let engine = Result { try RuleEngine.bundled() }

  @Test("An image reads back as the engine that wrote it, and lints the samples alike")
  func roundTrip() throws {
    let engine = try Self.engine.get()
    let image = engine.image()
    let decoded = try RuleEngine(image: image)
    #expect(decoded.image() == image)
    #expect(decoded.ruleSet.rules == engine.ruleSet.rules)
    let samples = TestSupport.packageRoot.appendingPathComponent("Samples")
    let names = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter {
      $0.hasSuffix(".txt") || $0.hasSuffix(".md")
    }
    #expect(!names.isEmpty)
    for name in names {
      let text = try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8)
      let document = try TestSupport.document(text, name: name)
      #expect(Linter(engine: decoded).lint(document) == Linter(engine: engine).lint(document), "\(name)")
    }
  }

  @Test("Compiling the same rules twice gives the same image")
  func deterministic() throws {
    #expect(try RuleEngine.bundled().image() == Self.engine.get().image())
  }

  @Test("A truncated or altered image is an error, never a crash")
  func damaged() throws {
    let image = try Self.engine.get().image()
    #expect(throws: RuleImageError.self) { try RuleEngine(image: Array(image.dropLast())) }
    #expect(throws: RuleImageError.self) { try RuleEngine(image: [UInt8]("not an image".utf8)) }
    var random = SplitMix(seed: 13)
    for _ in 0..<40 {
      let cut = Int(random.next() % UInt64(image.count))
      #expect(throws: RuleImageError.self) { try RuleEngine(image: Array(image[..<cut])) }
      // A flipped byte is either caught or changes only text (a message, a pattern's words).
      var altered = image
      altered[cut] ^= UInt8(truncatingIfNeeded: random.next() | 1)
      _ = try? RuleEngine(image: altered)
    }
  }

  @Test("A configuration that changes severities reuses the compiled tables; one that drops a rule compiles")
  func reuse() throws {
    let engine = try Self.engine.get()
    let louder = engine.ruleSet.map { rule in
      var rule = rule
      rule.severity = .error
      return rule
    }
    let reused = try RuleEngine(ruleSet: louder, reusing: engine)
    #expect(reused.ruleSet.rules.allSatisfy { $0.severity == .error })
    #expect(reused.main.frozen === engine.main.frozen)
    let fewer = engine.ruleSet.filter { $0.id != "sell-personal-data" }
    let compiled = try RuleEngine(ruleSet: fewer, reusing: engine)
    #expect(compiled.main.frozen !== engine.main.frozen)
    #expect(compiled.ruleSet.rule("sell-personal-data") == nil)
  }

  @Test("The cache stores an engine once, reads it back, and compiles anew over a damaged entry")
  func cache() throws {
    let directory = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let cache = RuleCache(directory: directory.path)
    let first = try cache.bundledEngine()
    let entries = { try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".rules") } }
    #expect(try entries().count == 1)
    let second = try cache.bundledEngine()
    #expect(second.image() == first.image())
    // A rule set of its own is a second entry; the same set again is not.
    let fewer = first.ruleSet.filter { $0.category != "vague-consent" }
    _ = try cache.engine(ruleSet: fewer)
    _ = try cache.engine(ruleSet: fewer)
    #expect(try entries().count == 2)
    for name in try entries() {
      try Data("damaged".utf8).write(to: directory.appendingPathComponent(name))
    }
    #expect(try cache.bundledEngine().image() == first.image())
    #expect(try cache.engine(ruleSet: fewer).ruleSet.rules == fewer.rules)
  }

  @Test("Without a directory the cache compiles every time; FINEPRINT_CACHE=off turns it off")
  func noCache() throws {
    #expect(RuleCache.standard(environment: ["FINEPRINT_CACHE": "off", "HOME": "/home/x"]).directory == nil)
    #expect(RuleCache.standard(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/home/x"]).directory == "/c/fineprint")
    #expect(RuleCache.standard(environment: ["HOME": "/home/x"]).directory == "/home/x/.cache/fineprint")
    #expect(try RuleCache(directory: nil).bundledEngine().image() == Self.engine.get().image())
  }
}
