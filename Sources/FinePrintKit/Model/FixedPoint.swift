import Foundation

extension Double {
  /// The value with `digits` decimals, exactly as `printf("%.Nf")` writes it: rounded to
  /// nearest from the value's exact binary expansion, ties to even, "-0" for a negative that
  /// rounds to zero. One or no decimal is done here (a readability message writes two numbers
  /// per hard clause, and Foundation's formatter cost more than scoring the clause); any other
  /// case goes through C's `vsnprintf`.
  func fixed(_ digits: Int) -> String {
    guard digits == 0 || digits == 1, isFinite, abs(self) < 1e15 else { return printed(digits) }
    let scale: Double = digits == 0 ? 1 : 10
    // The exact product is scaled + error (an FMA gives the error exactly); only an exact tie
    // of the rounded product can round the other way once the error is counted.
    let scaled = self * scale
    let exactError = fma(self, scale, -scaled)
    var rounded = scaled.rounded(.toNearestOrEven)
    if abs(scaled - rounded) == 0.5 {
      if exactError > 0 {
        rounded = scaled.rounded(.up)
      } else if exactError < 0 {
        rounded = scaled.rounded(.down)
      }
    }
    let units = Int64(abs(rounded))
    let sign = sign == .minus ? "-" : ""
    if digits == 0 { return sign + String(units) }
    return sign + String(units / 10) + "." + String(units % 10)
  }

  /// `printf("%.Nf")` through C's `vsnprintf`.
  private func printed(_ digits: Int) -> String {
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
