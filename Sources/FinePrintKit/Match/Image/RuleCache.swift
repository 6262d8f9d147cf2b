import Foundation

/// Compiled rule sets kept on disk between runs, so a run loads its rules in milliseconds
/// instead of parsing and compiling them (a third of a second for the bundled rules).
///
/// An entry is a `RuleEngine.image()` named by a 128-bit hash of what it was compiled from (the
/// rule files' text, or a rule set's every field) and of the binary that compiled it (its size
/// and modification time): a rebuilt `fineprint` or an edited rule file misses, and compiles
/// anew. A damaged entry is compiled anew too; a cache that cannot be written is no error.
public struct RuleCache: Sendable {
  /// Where entries live; nil: no cache (every run compiles).
  public let directory: String?
  /// Entries kept: each rebuild of the binary or edit of a rule file adds one.
  public static let maximumEntries = 16

  public init(directory: String?) {
    self.directory = directory
  }

  /// The cache runs share: `$FINEPRINT_CACHE` (`off`: none), else `$XDG_CACHE_HOME/fineprint`,
  /// else `~/.cache/fineprint`.
  public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> RuleCache {
    if let chosen = environment["FINEPRINT_CACHE"], !chosen.isEmpty {
      return RuleCache(directory: chosen == "off" ? nil : chosen)
    }
    if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return RuleCache(directory: xdg + "/fineprint") }
    if let home = environment["HOME"], !home.isEmpty { return RuleCache(directory: home + "/.cache/fineprint") }
    return RuleCache(directory: nil)
  }

  /// The bundled rules, compiled: from the cache when this binary compiled them before.
  /// - Throws: `RuleLoadError` when a bundled rule does not compile.
  public func bundledEngine() throws -> RuleEngine {
    let files = RuleSet.bundledFiles
    let key = files.flatMap { [Array($0.0.utf8), Array($0.1.utf8)] }
    return try engine(key: key) { try RuleEngine(ruleSet: RuleSet.parse(files: files)) }
  }

  /// `ruleSet` compiled: `base`'s tables when they fit it (`RuleEngine(ruleSet:reusing:)`),
  /// else the cache's, else compiled now.
  /// - Throws: `RuleLoadError` naming the file and line of a bad pattern or lexicon.
  public func engine(ruleSet: RuleSet, reusing base: RuleEngine? = nil) throws -> RuleEngine {
    if let base, base.ruleSet.compiledPart == ruleSet.compiledPart { return try RuleEngine(ruleSet: ruleSet, reusing: base) }
    var key = ImageWriter()
    key.ruleSet(ruleSet)
    let cached = try engine(key: [key.bytes]) { try RuleEngine(ruleSet: ruleSet) }
    // The set's own definitions, and a compile after all should two sets ever share a hash.
    return try RuleEngine(ruleSet: ruleSet, reusing: cached)
  }

  /// - Parameter key: what the engine is compiled from (file names and texts), part by part.
  private func engine(key: [[UInt8]], compile: () throws -> RuleEngine) throws -> RuleEngine {
    guard let directory, let identity = Self.binaryIdentity else { return try compile() }
    let path = directory + "/" + Self.hash([RuleEngine.imageMagic, identity] + key) + ".rules"
    if let image = Self.read(path), let engine = try? RuleEngine(image: image) { return engine }
    let engine = try compile()
    store(engine.image(), at: path, in: directory)
    return engine
  }

  /// A file's bytes, read straight into an array (through `Data` they were copied twice).
  static func read(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
    let size = Int(info.st_size)
    var complete = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      while count < size {
        let n = Foundation.read(fd, buffer.baseAddress! + count, size - count)
        guard n > 0 else { break }
        count += n
      }
      complete = count == size
    }
    return complete ? bytes : nil
  }

  /// Writes an entry whole (a temporary file renamed), then drops the oldest beyond the limit.
  private func store(_ image: [UInt8], at path: String, in directory: String) {
    let files = FileManager.default
    try? files.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
    guard files.createFile(atPath: temporary, contents: Data(image)) else { return }
    if rename(temporary, path) != 0 {
      try? files.removeItem(atPath: temporary)
      return
    }
    guard let names = try? files.contentsOfDirectory(atPath: directory) else { return }
    let entries = names.filter { $0.hasSuffix(".rules") }.map { name in
      let modified = (try? files.attributesOfItem(atPath: directory + "/" + name)[.modificationDate] as? Date) ?? nil
      return (name, modified ?? .distantPast)
    }
    for (name, _) in entries.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.maximumEntries) {
      try? files.removeItem(atPath: directory + "/" + name)
    }
  }

  /// The running binary's size and modification time: a rebuilt compiler never reads the
  /// tables of an older one. Nil when it cannot be told (then nothing is cached).
  static let binaryIdentity: [UInt8]? = {
    guard let path = executablePath,
      let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
    else { return nil }
    return Array("\(path)\0\(size)\0\(modified.timeIntervalSince1970)".utf8)
  }()

  /// The running binary's path, symbolic links resolved. On Linux from `/proc/self/exe`:
  /// `Bundle.main` listed the binary's whole folder (twice) to find resources, a few
  /// milliseconds of every start in a full folder such as `/usr/bin`.
  static var executablePath: String? {
    #if os(Linux)
      if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    #endif
    return Bundle.main.executableURL?.resolvingSymlinksInPath().path
  }

  /// Two FNV-1a hashes of different seeds over the parts, each with its length (so no two
  /// ways of cutting the same bytes hash alike), as 32 hex digits.
  static func hash(_ parts: [[UInt8]]) -> String {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x6c62_272e_07bb_0142
    for part in parts {
      for byte in withUnsafeBytes(of: UInt64(part.count).littleEndian, Array.init) + part {
        a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        b = (b ^ UInt64(byte ^ 0x5c)) &* 0x0000_0100_0000_01b3
      }
    }
    return [a, b].map { String($0, radix: 16).leftPadded(to: 16) }.joined()
  }
}

private extension String {
  func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
