/// The bytes of the word being normalised: a growable buffer the tokenizer owns, without the
/// uniqueness and capacity checks an `Array` makes on every appended byte. It keeps the
/// `Vocabulary.hash` of its bytes as they come, so a word is not read again to be looked up.
struct WordBuffer: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private(set) var count = 0
  /// `Vocabulary.hash(bytes)`.
  private(set) var hash = Vocabulary.hashSeed

  init(capacity: Int = 64) {
    self.capacity = max(capacity, 1)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  var isEmpty: Bool { count == 0 }
  var last: UInt8? { count > 0 ? base[count - 1] : nil }
  /// The bytes so far; valid until the next change.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  mutating func removeAll() {
    count = 0
    hash = Vocabulary.hashSeed
  }

  mutating func removeLast() {
    if count > 0 { count -= 1 }
    hash = Vocabulary.hash(bytes)
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if count == capacity { grow() }
    base[count] = byte
    count += 1
    hash = Vocabulary.hash(hash, byte)
  }

  /// Appends the ASCII bytes `p[range]`, upper-case letters lowered: most of a word, in one
  /// loop that checks the room once.
  @inline(__always)
  mutating func appendLoweringASCII(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    while count + range.count > capacity { grow() }
    var h = hash
    var k = count
    for i in range {
      let b = p[i]
      let lowered = b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b
      base[k] = lowered
      k += 1
      h = Vocabulary.hash(h, lowered)
    }
    count = k
    hash = h
  }

  mutating func append<S: Sequence>(contentsOf bytes: S) where S.Element == UInt8 {
    for byte in bytes { append(byte) }
  }

  private mutating func grow() {
    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
    larger.update(from: base, count: count)
    base.deallocate()
    base = larger
    capacity *= 2
  }
}
