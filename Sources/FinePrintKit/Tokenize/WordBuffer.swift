/// The bytes of the word being normalised: a growable buffer the tokenizer owns, without the
/// uniqueness and capacity checks an `Array` makes on every appended byte.
struct WordBuffer: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int = 64) {
    self.capacity = max(capacity, 1)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  var isEmpty: Bool { count == 0 }
  var last: UInt8? { count > 0 ? base[count - 1] : nil }
  /// The bytes so far; valid until the next change.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  mutating func removeAll() { count = 0 }
  mutating func removeLast() { if count > 0 { count -= 1 } }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if count == capacity { grow() }
    base[count] = byte
    count += 1
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
