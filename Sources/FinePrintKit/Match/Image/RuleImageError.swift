/// Why a compiled rule image could not be read.
public enum RuleImageError: Error, Equatable, CustomStringConvertible {
  /// Not an image of this FinePrint's format (another version wrote it, or it is damaged).
  case incompatible(String)
  /// Its lengths or indices do not hold together.
  case malformed(String)

  public var description: String {
    switch self {
    case .incompatible(let why): return "compiled rules of another format: \(why)"
    case .malformed(let why): return "damaged compiled rules: \(why)"
    }
  }
}
