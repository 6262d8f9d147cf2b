import CYaml

/// Refuses YAML whose aliases expand past a limit before Yams composes it. A "billion laughs"
/// of anchors and aliases (`b: &b [*a, *a, …]`, ten levels deep) is a few hundred bytes; Yams
/// keeps each alias as a shared reference, but it checks every mapping for duplicate keys by
/// hashing them, and hashing an aliased key reads all of it: a `.fineprint.yml` found above a
/// CI checkout could hang the run. This pass reads libyaml's events once, counting how many
/// nodes each anchor stands for, so its cost is linear in the text whatever the aliases say.
enum YAMLAliasLimit {
  /// Nodes a file may expand to: far more than any rule or configuration file needs (the
  /// bundled rules hold about 12,000 without a single alias).
  static let maxNodes = 1_000_000

  /// Where the expansion first passes `limit` (1-based line and column of the alias), or nil
  /// when it stays within it. Syntax errors are left to Yams, which reports them with context.
  static func overflow(in text: String, limit: Int = maxNodes) -> (line: Int, column: Int)? {
    var bytes = Array(text.utf8)
    if bytes.isEmpty { return nil }
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeMutableBufferPointer { buffer -> (line: Int, column: Int)? in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var sizes: [String: Int] = [:]
      // The open sequences and mappings: their anchor and the nodes counted in them so far.
      var open: [(anchor: String?, nodes: Int)] = []
      var total = 0
      var event = yaml_event_t()
      while yaml_parser_parse(&parser, &event) == 1 {
        defer { yaml_event_delete(&event) }
        let mark = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        var added = 0
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return nil
        case YAML_SCALAR_EVENT:
          added = 1
          if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
        case YAML_ALIAS_EVENT:
          added = name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
        case YAML_SEQUENCE_START_EVENT:
          open.append((name(event.data.sequence_start.anchor), 1))
        case YAML_MAPPING_START_EVENT:
          open.append((name(event.data.mapping_start.anchor), 1))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          guard let closed = open.popLast() else { return nil }
          if let anchor = closed.anchor { sizes[anchor] = closed.nodes }
          if !open.isEmpty { open[open.count - 1].nodes = min(limit + 1, open[open.count - 1].nodes + closed.nodes) }
          continue
        default:
          continue
        }
        total = min(limit + 1, total + added)
        if !open.isEmpty { open[open.count - 1].nodes = min(limit + 1, open[open.count - 1].nodes + added) }
        if total > limit || (open.last?.nodes ?? 0) > limit { return mark }
      }
      return nil
    }
  }

  private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
  }
}
