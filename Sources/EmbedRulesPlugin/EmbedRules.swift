import Foundation
import PackagePlugin

/// Turns every YAML file under the package's `Rules/` folder into Swift string literals, so
/// the default rules ship inside the `fineprint` binary and it runs from any directory.
/// Editing a rule file and rebuilding is all a rule author needs to do.
@main
struct EmbedRules: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let rules = context.package.directoryURL.appending(path: "Rules")
    let output = context.pluginWorkDirectoryURL.appending(path: "BundledRules.generated.swift")
    var inputs: [URL] = []
    var folders: [URL] = [rules]
    if let walker = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: [.isDirectoryKey]) {
      for case let url as URL in walker {
        if ["yml", "yaml"].contains(url.pathExtension) {
          inputs.append(url)
        } else if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
          folders.append(url)
        }
      }
    }
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) rule files",
        executable: try context.tool(named: "EmbedRulesTool").url,
        arguments: [rules.path, output.path],
        // SwiftPM plans a build once and keeps the file list above until the package itself
        // changes (swiftlang/swift-package-manager#7891). The folders are inputs too: a rule file
        // added or renamed changes its folder, so the next build embeds it.
        inputFiles: (inputs + folders).sorted { $0.path < $1.path },
        outputFiles: [output]
      )
    ]
  }
}
