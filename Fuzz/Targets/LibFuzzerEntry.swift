import Foundation

/// The target `FINEPRINT_FUZZ_TARGET` names, read once per process.
private let selectedTarget: FuzzTarget = {
  let name = ProcessInfo.processInfo.environment["FINEPRINT_FUZZ_TARGET"] ?? ""
  guard let target = FuzzTarget(rawValue: name) else {
    fatalError("set FINEPRINT_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
  }
  return target
}()

/// libFuzzer's entry point (linked by `Fuzz/run` with `-sanitize=fuzzer`; unused elsewhere).
/// A broken invariant stops the process, so libFuzzer keeps the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let problems = selectedTarget.check(bytes)
  if !problems.isEmpty {
    FileHandle.standardError.write(
      Data(("invariant broken (\(selectedTarget.rawValue)):\n  " + problems.joined(separator: "\n  ") + "\n").utf8))
    abort()
  }
  return 0
}
