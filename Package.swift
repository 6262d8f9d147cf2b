// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "FinePrint",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "fineprint", targets: ["fineprint"]),
    .library(name: "FinePrintKit", targets: ["FinePrintKit"]),
    // The fuzz targets as a static library: `Fuzz/run` links it with libFuzzer (see Fuzz/README.md).
    .library(name: "FinePrintFuzz", type: .static, targets: ["FinePrintFuzz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
  ],
  targets: [
    // libxml2 parses HTML and XML; the shim keeps its ICU headers away from Foundation's.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // libcurl, opened with dlopen when a URL is fetched: not linked, so a run that reads files
    // maps none of libcurl's thirty-odd libraries, and no curl headers are needed to build.
    .target(name: "CCurlLoader"),
    // Everything testable: ingest, segment, tokenize, rules, match, lint, summary, report.
    .target(
      name: "FinePrintKit",
      dependencies: ["CLibXML2", "CCurlLoader", "Yams", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      plugins: ["EmbedRules"]
    ),
    // The thin command line: parses arguments, calls FinePrintKit, prints.
    .executableTarget(
      name: "fineprint",
      dependencies: [
        "FinePrintKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Embeds Rules/ into the library at build time, so `fineprint` works from any directory.
    .executableTarget(name: "EmbedRulesTool"),
    .plugin(
      name: "EmbedRules",
      capability: .buildTool(),
      dependencies: ["EmbedRulesTool"],
      path: "Sources/EmbedRulesPlugin"
    ),
    // Speed is measured here, not in unit tests: `swift run -c release fineprint-bench`.
    .executableTarget(name: "fineprint-bench", dependencies: ["FinePrintKit"]),
    // Fuzz targets: each reads arbitrary bytes as one kind of input and checks the invariants.
    .target(
      name: "FinePrintFuzz",
      dependencies: ["FinePrintKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      path: "Fuzz/Targets"
    ),
    // ZIPFoundation builds the .docx files the DOCX tests read; the fuzz targets replay reproducers;
    // Yams reads action.yml and the pre-commit hooks.
    .testTarget(
      name: "FinePrintKitTests",
      dependencies: [
        "FinePrintKit", "FinePrintFuzz", "Yams", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)

// `Fuzz/run` sets FINEPRINT_FUZZ_BUILD: the library and the fuzz targets (not the build tools,
// which libFuzzer's own `main` would break) are compiled with libFuzzer's coverage and
// AddressSanitizer, in a build folder of their own.
if Context.environment["FINEPRINT_FUZZ_BUILD"] != nil {
  for target in package.targets where ["FinePrintKit", "FinePrintFuzz"].contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-sanitize=fuzzer,address"])]
  }
}
