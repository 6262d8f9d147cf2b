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
}
