import Foundation  // memchr

extension Array where Element == UInt8 {
  /// Whether `needle` occurs in these bytes (an empty needle does).
  /// - Complexity: O(count × needle.count) at worst; the first byte is compared before the rest.
  func contains(bytes needle: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    guard count >= needle.count else { return false }
    for i in 0...(count - needle.count) where self[i] == first && self[i..<(i + needle.count)].elementsEqual(needle) {
      return true
    }
    return false
  }

  /// The first index of `byte` in `range` (within the array), or nil: `memchr`, many bytes at a
  /// time, for a rare byte in a long run of text.
  func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
    withUnsafeBufferPointer { p in
      guard let base = p.baseAddress, !range.isEmpty,
        let found = memchr(base + range.lowerBound, Int32(byte), range.count)
      else { return nil }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
  }
}
