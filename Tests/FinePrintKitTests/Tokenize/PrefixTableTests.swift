import Testing
@testable import FinePrintKit

@Suite("Prefix table")
struct PrefixTableTests {
  func lookup(_ table: PrefixTable, _ word: String) -> TokenID {
    var bytes = Array(word.utf8)
    return bytes.withUnsafeMutableBufferPointer { table.lookup(UnsafeBufferPointer($0)) }
  }

  @Test("A word gets the ID of the longest registered prefix it starts with, else unknown")
  func longestPrefix() {
    var table = PrefixTable()
    table.register("arbitrat", id: 7)
    table.register("arb", id: 3)
    table.register("anonymi", id: 9)
    #expect(lookup(table, "arbitrator") == 7)
    #expect(lookup(table, "arbitrate") == 7)
    #expect(lookup(table, "arbor") == 3)
    #expect(lookup(table, "anonymised") == 9)
    #expect(lookup(table, "ar") == Vocabulary.unknown)
    #expect(lookup(table, "a") == Vocabulary.unknown)
    #expect(lookup(table, "") == Vocabulary.unknown)
    #expect(lookup(table, "banana") == Vocabulary.unknown)
    #expect(lookup(table, "anonym") == Vocabulary.unknown)
  }

  @Test("A one-letter prefix still reaches every word that starts with it")
  func oneBytePrefix() {
    var table = PrefixTable()
    table.register("x", id: 5)
    table.register("zeta", id: 6)
    #expect(lookup(table, "xylophone") == 5)
    #expect(lookup(table, "x") == 5)
    #expect(lookup(table, "zetas") == 6)
    #expect(lookup(table, "yes") == Vocabulary.unknown)
  }
}
