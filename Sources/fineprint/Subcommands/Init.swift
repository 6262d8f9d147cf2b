import ArgumentParser
import Foundation
import FinePrintKit

/// `fineprint init`: writes a starter `.fineprint.yml` that names every key and changes nothing.
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Write a starter .fineprint.yml (every key, with what it does) into a folder.")

  @Argument(help: "The folder to write it into (default: the current folder).")
  var folder: String = "."

  @Flag(help: "Replace a .fineprint.yml that is already there.")
  var force = false

  func run() throws {
    let path = folder == "." ? Configuration.fileName : (folder as NSString).appendingPathComponent(Configuration.fileName)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
      Console.error(ValidationError("\(folder): no such folder"))
      throw ExitCode(2)
    }
    if FileManager.default.fileExists(atPath: path) && !force {
      Console.error(ValidationError("\(path) is already there (--force replaces it)"))
      throw ExitCode(2)
    }
    do {
      try OutputFile.write(StarterConfiguration.text, to: path)
    } catch {
      Console.error(error)
      throw ExitCode(2)
    }
    Console.out("Wrote \(path)")
  }
}
