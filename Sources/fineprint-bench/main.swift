import Foundation
import FinePrintKit

// fineprint-bench: throughput of the whole pipeline and of each stage on the shared corpus,
// in release mode, one core. Compares, in the same run, with `grep -E -i -c` over the rules'
// trigger words. Usage: swift run -c release fineprint-bench [CORPUS_DIR] [--repeat N] [--pipeline-only]
// `--pipeline-only` times the whole pipeline alone, on plain text: the run to profile with `perf`.
// `--whole-process FILE…` times `fineprint lint --format json` as a process on each file beside
// grep and redline-buddy (see WholeProcess.swift); `--binary PATH` names the fineprint to run.

let arguments = Array(CommandLine.arguments.dropFirst())
let repeatIndex = arguments.firstIndex(of: "--repeat")
let repeats = repeatIndex.flatMap { arguments.count > $0 + 1 ? Int(arguments[$0 + 1]) : nil } ?? 3
let pipelineOnly = arguments.contains("--pipeline-only")
let corpus = arguments.first { !$0.hasPrefix("--") && Int($0) == nil } ?? "../shared/corpus"

if let index = arguments.firstIndex(of: "--whole-process") {
  let binaryIndex = arguments.firstIndex(of: "--binary")
  let binary =
    binaryIndex.flatMap { arguments.count > $0 + 1 ? arguments[$0 + 1] : nil }
    ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("fineprint").path
  let options = Set([repeatIndex, binaryIndex].compactMap { $0 }.map { $0 + 1 })
  let files = arguments.indices.filter { $0 > index && !options.contains($0) && !arguments[$0].hasPrefix("--") }.map {
    arguments[$0]
  }
  let engine = try RuleEngine.bundled()
  let words = (1..<engine.tokenizer.vocabulary.count).map { engine.tokenizer.vocabulary.word(for: TokenID($0)) }
    .filter { $0.count > 2 && $0.allSatisfy { $0.isLetter } }
  WholeProcess.run(files: files, binary: binary, words: words, repeats: repeatIndex == nil ? 5 : repeats)
  exit(0)
}

if let index = arguments.firstIndex(of: "--stages"), arguments.count > index + 1 {
  try Stages.run(file: arguments[index + 1], repeats: repeatIndex == nil ? 5 : repeats)
  exit(0)
}

func files(_ directory: String, _ ext: String) -> [String] {
  let items = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
  return items.filter { $0.hasSuffix(ext) }.sorted().map { directory + "/" + $0 }
}

let allSets: [(String, [String])] = [
  ("plain text (claudette documents)", files(corpus + "/claudette/documents", ".txt")),
  ("HTML, real pages (opp115 original)", files(corpus + "/opp115/original", ".html")),
  ("HTML, simplified (opp115 sanitized)", files(corpus + "/opp115/sanitized", ".html")),
]
let sets = pipelineOnly ? Array(allSets.prefix(1)) : allSets
guard sets.contains(where: { !$0.1.isEmpty }) else {
  print("no corpus under \(corpus); pass its path as the first argument")
  exit(2)
}

let engine = try RuleEngine.bundled()
var linter = Linter(engine: engine)
linter.threads = 1  // stages are timed on one core
print(
  "rules: \(engine.ruleSet.rules.count), lexicons: \(engine.ruleSet.lexicons.count), vocabulary: \(engine.tokenizer.vocabulary.count) words; best of \(repeats) runs\n"
)

/// Best wall time of `body` over the repeats, in seconds.
func best(_ body: () -> Void) -> Double {
  var times: [Double] = []
  for _ in 0..<repeats {
    let start = ContinuousClock.now
    body()
    let d = ContinuousClock.now - start
    times.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
  }
  return times.min() ?? 0
}

func row(_ name: String, _ bytes: Int, _ docs: Int, _ seconds: Double) {
  let mb = Double(bytes) / 1_048_576
  let stage = name.padding(toLength: 26, withPad: " ", startingAt: 0)
  print(
    "  \(stage) \(String(format: "%8.1f MB/s  %8.0f docs/s  %7.1f ms", mb / seconds, Double(docs) / seconds, seconds * 1000))")
}

/// `grep -E -i -c` over the words the rules name, in the C locale (its fast path).
func grepSeconds(_ paths: [String]) -> Double? {
  let words = (1..<engine.tokenizer.vocabulary.count).map { engine.tokenizer.vocabulary.word(for: TokenID($0)) }
    .filter { $0.count > 2 && $0.allSatisfy { $0.isLetter } }
  let pattern = words.joined(separator: "|")
  return best {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["grep", "-E", "-i", "-c", pattern] + paths
    process.environment = ["LC_ALL": "C"]
    process.standardOutput = FileHandle.nullDevice
    try? process.run()
    process.waitUntilExit()
  }
}

for (name, paths) in sets where !paths.isEmpty {
  let sources = paths.compactMap { path -> InputSource? in
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return InputSource(name: path, bytes: [UInt8](data))
  }
  let bytes = sources.reduce(0) { $0 + $1.bytes.count }
  print("\(name): \(sources.count) documents, \(String(format: "%.1f", Double(bytes) / 1_048_576)) MB")
  if pipelineOnly {
    row(
      "whole pipeline (lint)", bytes, sources.count,
      best { for s in sources { _ = try? linter.lint(DocumentIngester().ingest(s)) } })
    continue
  }
  var documents: [Document] = []
  let ingest = best { documents = sources.compactMap { try? DocumentIngester().ingest($0) } }
  var clauses: [[Clause]] = []
  let segment = best { clauses = documents.map { linter.segmenter.clauses(in: $0) } }
  var tokens: [[[Token]]] = []
  let tokenize = best {
    tokens = zip(documents, clauses).map { doc, cs in cs.map { engine.tokenizer.tokens(in: doc.bytes, range: $0.range) } }
  }
  var hits = 0
  let match = best {
    hits = 0
    for (doc, docTokens) in zip(documents, tokens) {
      var scratch = RuleEngine.MatchScratch()
      for t in docTokens { hits += engine.match(t[...], bytes: doc.bytes, scratch: &scratch).hits.count }
    }
  }
  // The same clauses through the mission packs alone, to show what more rules cost.
  let missionCategories: Set<String> = [
    "vague-consent", "third-party-resale", "waived-litigation", "missing-revocation",
    "revocation-right", "no-sale",
  ]
  let fewer = try RuleEngine(ruleSet: engine.ruleSet.filter { missionCategories.contains($0.category) })
  let fewerTokens = zip(documents, clauses).map { doc, cs in cs.map { fewer.tokenizer.tokens(in: doc.bytes, range: $0.range) } }
  let matchFewer = best {
    for (doc, docTokens) in zip(documents, fewerTokens) {
      var scratch = RuleEngine.MatchScratch()
      for t in docTokens { hits += fewer.match(t[...], bytes: doc.bytes, scratch: &scratch).hits.count }
    }
  }
  var findings = 0
  let pipeline = best {
    findings = 0
    for source in sources {
      if let document = try? DocumentIngester().ingest(source) { findings += linter.lint(document).count }
    }
  }
  row("ingest", bytes, sources.count, ingest)
  row("segment", bytes, sources.count, segment)
  row("tokenize", bytes, sources.count, tokenize)
  row("match (all \(engine.ruleSet.rules.count) rules)", bytes, sources.count, match)
  row("match (\(fewer.ruleSet.rules.count) mission rules)", bytes, sources.count, matchFewer)
  row("whole pipeline (lint)", bytes, sources.count, pipeline)
  if let grep = grepSeconds(paths) {
    row("grep -E -i -c (C locale)", bytes, sources.count, grep)
    print(String(format: "  lint / grep speed ratio: %.2f", grep / pipeline))
  }
  print("  \(clauses.reduce(0) { $0 + $1.count }) clauses, \(findings) findings\n")
}
