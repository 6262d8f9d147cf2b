extension Array where Element: Comparable {
  /// Whether this array, sorted ascending, holds `value`: a binary search.
  /// - Complexity: O(log n).
  @inline(__always)
  func sortedContains(_ value: Element) -> Bool {
    var low = 0
    var high = count
    while low < high {
      let mid = (low + high) >> 1
      if self[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low < count && self[low] == value
  }
}
