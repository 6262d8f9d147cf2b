/// Where something was written in a rule file, for error messages and failing examples:
/// `Rules/sharing.yml:42:9`.
public struct RuleFileLocation: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}
