/// Word prefixes that rules name (`arbitrat*`), so a word no rule names (`arbitrator`) still
/// gets an ID a pattern can test: the ID of the longest registered prefix it starts with.
public struct PrefixTable: Sendable {
  private var prefixes = Vocabulary()
  private var ids: [TokenID] = [Vocabulary.unknown]
  private var lengths: UInt64 = 0
  /// The first two bytes of every prefix, as a bitset over 65,536 pairs: most words no rule
  /// names start with no registered prefix, and are told so without hashing every length.
  private var firstPairs: [UInt64] = []
  private var hasOneBytePrefix = false

  public init() {}

  public var isEmpty: Bool { lengths == 0 }

  /// Every registered prefix and the ID its words receive, in the order registered.
  public var entries: [(prefix: String, id: TokenID)] {
    (1..<max(prefixes.count, 1)).map { (prefixes.word(for: TokenID($0)), ids[$0]) }
  }

  /// Registers a prefix (already normalised) and the ID that words starting with it receive.
  public mutating func register(_ prefix: String, id: TokenID) {
    let count = prefix.utf8.count
    guard count > 0 && count < 64 else { return }
    let index = Int(prefixes.intern(prefix))
    if index >= ids.count { ids.append(id) } else { ids[index] = id }
    lengths |= 1 << UInt64(count)
    let bytes = Array(prefix.utf8)
    if bytes.count < 2 {
      hasOneBytePrefix = true
    } else {
      if firstPairs.isEmpty { firstPairs = [UInt64](repeating: 0, count: 1024) }
      let pair = Int(bytes[0]) << 8 | Int(bytes[1])
      firstPairs[pair >> 6] |= 1 << UInt64(pair & 63)
    }
  }

  /// The ID for the longest registered prefix of `word`, or `unknown`.
  /// - Complexity: O(word length).
  public func lookup(_ word: UnsafeBufferPointer<UInt8>) -> TokenID {
    guard lengths != 0 else { return Vocabulary.unknown }
    if !hasOneBytePrefix {
      guard word.count >= 2, !firstPairs.isEmpty else { return Vocabulary.unknown }
      let pair = Int(word[0]) << 8 | Int(word[1])
      guard firstPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { return Vocabulary.unknown }
    }
    let limit = min(word.count, 63)
    return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 64) { prefixHashes in
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for k in 0..<limit {
        h = (h ^ UInt64(word[k])) &* 0x0000_0100_0000_01b3
        prefixHashes[k + 1] = h
      }
      var k = limit
      while k > 0 {
        if lengths & (1 << UInt64(k)) != 0 {
          let found = prefixes.lookup(UnsafeBufferPointer(rebasing: word[0..<k]), hash: prefixHashes[k])
          if found != Vocabulary.unknown { return ids[Int(found)] }
        }
        k -= 1
      }
      return Vocabulary.unknown
    }
  }
}
