import CLibXML2

/// libxml2's global state. It must be initialised once before two threads parse: left to
/// initialise itself lazily, two first parses at the same time can deadlock (both waiting in
/// the random-seed mutex of `xmlDictCreate`), which hung a `lint` of a folder of HTML pages.
enum LibXML2 {
  private static let initialised: Void = { xmlInitParser() }()

  /// Initialises libxml2 on first use; thread-safe (a Swift static is initialised once).
  static func prepare() { _ = initialised }
}
