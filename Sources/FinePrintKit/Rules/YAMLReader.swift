import Yams

/// Reads a YAML node strictly, turning every surprise into a located `RuleLoadError`.
struct YAMLReader {
  let file: String

  /// The file's YAML as a tree, nil when it is empty.
  /// - Throws: `RuleLoadError.yaml` at the line of a syntax error, or of the alias past which
  ///   anchors and aliases would expand to more than `YAMLAliasLimit.maxNodes` nodes.
  func compose(_ text: String) throws -> Node? {
    if let mark = YAMLAliasLimit.overflow(in: text) {
      throw RuleLoadError.yaml(
        RuleFileLocation(file: file, line: mark.line, column: mark.column),
        problem: "aliases expand to more than \(YAMLAliasLimit.maxNodes) nodes (an alias bomb?)")
    }
    do {
      return try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw RuleFileParser.located(error, file: file)
    }
  }

  func location(_ node: Node?) -> RuleFileLocation {
    RuleFileLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
  }

  /// The pairs of a mapping, refusing keys outside `allowed` (Vale's `ErrorUnused`).
  func mapping(_ node: Node, context: String, allowed: [String]) throws -> [(key: String, node: Node, value: Node)] {
    guard case .mapping(let mapping) = node else {
      throw RuleLoadError.wrongType(location(node), key: context, expected: "a mapping of keys to values")
    }
    var out: [(String, Node, Node)] = []
    for (key, value) in mapping {
      guard let name = key.scalar?.string else {
        throw RuleLoadError.wrongType(location(key), key: context, expected: "a mapping with text keys")
      }
      guard allowed.contains(name) else {
        throw RuleLoadError.unknownKey(location(key), key: name, context: context, expected: allowed)
      }
      out.append((name, key, value))
    }
    return out
  }

  func string(_ node: Node, key: String) throws -> String {
    guard case .scalar(let scalar) = node else {
      throw RuleLoadError.wrongType(location(node), key: key, expected: "text")
    }
    return scalar.string
  }

  func nonEmptyString(_ node: Node, key: String) throws -> String {
    let value = try string(node, key: key).trimmingCharacters(in: .whitespacesAndNewlines)
    if value.isEmpty { throw RuleLoadError.wrongType(location(node), key: key, expected: "non-empty text") }
    return value
  }

  /// A list of strings; a single string is accepted as a list of one.
  func strings(_ node: Node, key: String) throws -> [(String, RuleFileLocation)] {
    switch node {
    case .scalar(let scalar):
      return [(scalar.string, location(node))]
    case .sequence(let sequence):
      return try sequence.map { item in (try string(item, key: key), location(item)) }
    default:
      throw RuleLoadError.wrongType(location(node), key: key, expected: "a list of texts")
    }
  }

  /// A list of taxonomy category IDs; one outside the taxonomy is an error at its line.
  func categories(_ node: Node, key: String) throws -> [String] {
    try strings(node, key: key).map { name, location in
      guard Category.named(name) != nil else {
        throw RuleLoadError.invalidValue(location, key: "category", value: name, expected: Category.all.map(\.id))
      }
      return name
    }
  }

  func patterns(_ node: Node, key: String) throws -> [PatternSource] {
    let items = try strings(node, key: key)
    if items.isEmpty { throw RuleLoadError.wrongType(location(node), key: key, expected: "a non-empty list of patterns") }
    return try items.map { text, location in
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      if trimmed.isEmpty { throw RuleLoadError.badPattern(location, pattern: text, reason: "the pattern is empty") }
      return PatternSource(text: trimmed, location: location)
    }
  }
}

import Foundation
