import Foundation

/// `--whole-process FILE…`: the speed a user meets: `fineprint lint --format json` run as a
/// process on each file (start-up, reading, linting, writing), beside `grep -E -i -c` over the
/// rules' words and redline-buddy (`redline review --playbook tos-user`, when on the PATH) on
/// the same file, in the same run, as medians and ratios. Start-up is a one-line file.
enum WholeProcess {
  /// Median wall time of running `arguments` (`repeats` times), or nil when it cannot run or
  /// fails (exit status 2 or more: 1 is findings for fineprint, no match for grep).
  static func median(_ arguments: [String], environment: [String: String]? = nil, repeats: Int) -> Double? {
    var times: [Double] = []
    for _ in 0..<max(repeats, 1) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = arguments
      if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      let start = ContinuousClock.now
      guard (try? process.run()) != nil else { return nil }
      process.waitUntilExit()
      if process.terminationStatus >= 2 { return nil }
      let d = ContinuousClock.now - start
      times.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
    return times.sorted()[times.count / 2]
  }

  static func run(files: [String], binary: String, words: [String], repeats: Int) {
    let line = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-bench-line.txt").path
    FileManager.default.createFile(atPath: line, contents: Data("We may sell your data.\n".utf8))
    _ = median([binary, "lint", line], repeats: 1)  // a first run fills the rule cache
    if let startUp = median([binary, "lint", line], repeats: repeats) {
      print(String(format: "start-up (lint of one line): %.1f ms", startUp * 1000))
    }
    let pattern = words.joined(separator: "|")
    for file in files {
      let size = Double((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)??.intValue ?? 0)
      print("\(file): \(String(format: "%.1f", size / 1_048_576)) MB, medians of \(repeats)")
      let runs: [(String, [String], [String: String]?)] = [
        ("fineprint lint --format json", [binary, "lint", "--format", "json", file], nil),
        ("grep -E -i -c (C locale)", ["grep", "-E", "-i", "-c", pattern, file], ["LC_ALL": "C"]),
        ("redline review --playbook tos-user", ["redline", "review", "--playbook", "tos-user", file], nil),
      ]
      var fineprint: Double?
      for (name, arguments, environment) in runs {
        guard let seconds = median(arguments, environment: environment, repeats: repeats) else {
          print("  \(name.padding(toLength: 36, withPad: " ", startingAt: 0)) (not installed, or fails on this file)")
          continue
        }
        if fineprint == nil { fineprint = seconds }
        let ratio = fineprint.map { String(format: "  fineprint is %.2f× its speed", seconds / $0) } ?? ""
        print(
          "  \(name.padding(toLength: 36, withPad: " ", startingAt: 0)) \(String(format: "%6.3f s %7.1f MB/s", seconds, size / 1_048_576 / seconds))\(name.hasPrefix("fineprint") ? "" : ratio)"
        )
      }
    }
  }
}
