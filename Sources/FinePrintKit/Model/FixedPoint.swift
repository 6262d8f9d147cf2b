import Foundation

extension Double {
  /// The value with `digits` decimals, exactly as `printf("%.Nf")` writes it, through C's
  /// `vsnprintf`: `String(format:)` goes through Foundation's string formatter, which cost more
  /// than scoring the clause whose message it wrote.
  func fixed(_ digits: Int) -> String {
    let format = "%.\(max(0, min(digits, 17)))f"
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 352) { buffer in
      let written = withVaList([self]) { vsnprintf(buffer.baseAddress!, buffer.count, format, $0) }
      let length = max(0, min(Int(written), buffer.count - 1))
      return buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: length) {
        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
      }
    }
  }
}
