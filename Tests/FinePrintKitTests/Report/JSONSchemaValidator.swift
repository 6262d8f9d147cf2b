import Foundation

/// Validates JSON documents against the schemas in `docs/schemas` with Python's jsonschema
/// (`.ci/run` installs python3-jsonschema), resolving `$ref`s between the schema files.
enum JSONSchemaValidator {
  static let folder = TestSupport.packageRoot.appendingPathComponent("docs/schemas")

  /// Whether python3 can validate JSON Schemas; under `CI` it is taken to be there, so a missing
  /// validator fails instead of passing unseen.
  static let available: Bool = {
    if ProcessInfo.processInfo.environment["CI"] != nil { return true }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import jsonschema"]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  /// One document to check: the schema's file name in `docs/schemas`, the JSON text, and
  /// whether each line is a document of its own (JSON Lines).
  struct Check {
    var schema: String
    var text: String
    var lines = false
  }

  /// The validator's complaints, one line each ("" when every document is valid).
  static func problems(_ checks: [Check]) throws -> String {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var list: [[String: Any]] = []
    for (n, check) in checks.enumerated() {
      let file = dir.appendingPathComponent("\(n).json")
      try check.text.write(to: file, atomically: true, encoding: .utf8)
      list.append(["schema": check.schema, "file": file.path, "lines": check.lines])
    }
    let manifest = dir.appendingPathComponent("checks.json")
    try JSONSerialization.data(withJSONObject: list).write(to: manifest)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-W", "ignore", "-c",
      """
      import json, os, sys, jsonschema
      folder, checks = sys.argv[1], json.load(open(sys.argv[2]))
      store = {}
      for name in os.listdir(folder):
          schema = json.load(open(os.path.join(folder, name)))
          jsonschema.Draft7Validator.check_schema(schema)
          store[name] = schema
          if "$id" in schema: store[schema["$id"]] = schema
      for check in checks:
          schema = store[check["schema"]]
          resolver = jsonschema.RefResolver(schema.get("$id", ""), schema, store=store)
          validator = jsonschema.Draft7Validator(schema, resolver=resolver)
          text = open(check["file"]).read()
          docs = [l for l in text.splitlines() if l.strip()] if check["lines"] else [text]
          for n, doc in enumerate(docs):
              for error in validator.iter_errors(json.loads(doc)):
                  path = "/".join(str(p) for p in error.absolute_path)
                  print(f"{check['schema']} document {n + 1} at /{path}: {error.message}")
      """, folder.path, manifest.path,
    ]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return process.terminationStatus == 0 ? output : "validator exited \(process.terminationStatus): \(output)"
  }
}
