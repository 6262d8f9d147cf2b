/// The integer ID of a normalised word in a `Vocabulary`.
public typealias TokenID = UInt32

/// One shared table of normalised words and their integer IDs, so the matcher compares
/// integers instead of strings.
///
/// IDs are dense and stable for the life of the vocabulary: the rule compiler interns every
/// word the rules name, then the vocabulary is frozen and shared by every tokenizer. A word no
/// rule names is `Vocabulary.unknown` when tokenizing against a frozen vocabulary, which costs
/// the matcher nothing; `Tokenizer.tokenize(_:range:interning:)` interns instead.
public struct Vocabulary: Sendable {
  /// The ID of every word the vocabulary does not hold.
  public static let unknown: TokenID = 0

  private var arena: [UInt8] = []
  private var ends: [Int] = [0, 0]  // word i spans arena[ends[i]..<ends[i + 1]]; word 0 is ""
  private var hashes: [UInt64] = [0]
  /// The open-addressed table: an ID in the low half of a slot, the high half of its word's hash
  /// in the high half, 0 for an empty slot (ID 0 is never placed). The hash is compared in the
  /// slot itself: reading it from `hashes` missed the cache for nearly every word a document holds.
  private var slots: [UInt64] = Array(repeating: 0, count: 1024)

  public init() {}

  /// The number of IDs handed out, `unknown` included.
  public var count: Int { hashes.count }

  /// FNV-1a, 64 bits: cheap, and computed by the tokenizer while it normalises a word.
  @inlinable
  public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h = hashSeed
    for b in bytes { h = hash(h, b) }
    return h
  }

  /// The hash of no bytes, and one byte more folded into a hash (`hash(_:)` byte by byte).
  @usableFromInline static var hashSeed: UInt64 { 0xcbf2_9ce4_8422_2325 }
  @inlinable @inline(__always)
  static func hash(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }

  /// The ID of a word already normalised, or `unknown`.
  /// - Complexity: O(length of the word), expected.
  public func lookup(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> TokenID {
    // On raw buffers: the tokenizer asks for every word of a document, and each array
    // subscript checked its bounds.
    slots.withUnsafeBufferPointer { slots in
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let entry = slots[slot]
        if entry == 0 { return Self.unknown }
        let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)
        if entry >> 32 == hash >> 32 && equals(id, word) { return TokenID(id) }
        slot = (slot + 1) & mask
      }
    }
  }

  /// The ID of a normalised word, adding it when new.
  @discardableResult
  public mutating func intern(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> TokenID {
    let found = lookup(word, hash: hash)
    if found != Self.unknown || word.isEmpty { return found }
    let id = hashes.count
    arena.append(contentsOf: word)
    ends.append(arena.count)
    hashes.append(hash)
    if hashes.count * 2 > slots.count { rehash() } else { place(id) }
    return TokenID(id)
  }

  /// The ID of a word, normalised the way the tokenizer normalises text, adding it when new.
  /// A string that normalises to several tokens (`third-party`) is interned as its first one;
  /// use `Tokenizer.normalizedWords(_:)` to split phrases first.
  @discardableResult
  public mutating func intern(_ word: String) -> TokenID {
    var bytes = Array(word.utf8)
    return bytes.withUnsafeMutableBufferPointer { buffer in
      let view = UnsafeBufferPointer(buffer)
      return intern(view, hash: Self.hash(view))
    }
  }

  /// The ID of an already-normalised word, or nil.
  public func id(of word: String) -> TokenID? {
    var bytes = Array(word.utf8)
    let id = bytes.withUnsafeMutableBufferPointer { buffer in
      let view = UnsafeBufferPointer(buffer)
      return lookup(view, hash: Self.hash(view))
    }
    return id == Self.unknown ? nil : id
  }

  /// The normalised word of an ID (empty for `unknown`).
  public func word(for id: TokenID) -> String {
    let i = Int(id)
    guard i < hashes.count else { return "" }
    return String(decoding: arena[ends[i]..<ends[i + 1]], as: UTF8.self)
  }

  private func equals(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = ends[id]
    let end = ends[id + 1]
    guard end - start == word.count else { return false }
    return arena.withUnsafeBufferPointer { arena in
      var i = 0
      while i < word.count {
        if arena[start + i] != word[i] { return false }
        i += 1
      }
      return true
    }
  }

  private mutating func place(_ id: Int) {
    let mask = slots.count - 1
    let hash = hashes[id]
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(id)
  }

  private mutating func rehash() {
    slots = Array(repeating: 0, count: slots.count * 2)
    for id in 1..<hashes.count { place(id) }
  }
}
