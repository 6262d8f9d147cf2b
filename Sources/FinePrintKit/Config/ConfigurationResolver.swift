import Foundation

/// Which `.fineprint.yml` is in force for each input, as linters resolve it: the nearest one
/// above the input itself (a file in `legal/eu/` follows `legal/eu/.fineprint.yml` before
/// `legal/.fineprint.yml`), not the first input's for all. Standard input and URLs follow the
/// current folder's, unless standard input is given a file name. Each folder is looked up once.
public struct ConfigurationResolver {
  private var byDirectory: [String: String?] = [:]

  public init() {}

  /// The folder an input's configuration is looked for from.
  public static func directory(of input: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    guard input != "-", !URLFetcher.isURL(input) else { return cwd }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
      // A name that is not (yet) a file, as `--stdin-filename` gives: its folder, if there is one.
      let parent = URL(fileURLWithPath: input).deletingLastPathComponent().path
      return FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) && isDirectory.boolValue ? parent : cwd
    }
    return isDirectory.boolValue ? input : URL(fileURLWithPath: input).deletingLastPathComponent().path
  }

  /// The configuration file in force for an input, or nil when there is none.
  public mutating func configurationPath(for input: String) -> String? {
    let directory = URL(fileURLWithPath: Self.directory(of: input)).standardizedFileURL.path
    if let known = byDirectory[directory] { return known }
    let found = Configuration.find(from: directory)
    byDirectory[directory] = found
    return found
  }
}
