import CCurlLoader

/// libcurl, loaded when the first URL is fetched rather than linked: a run that reads only files
/// maps none of it. libcurl needs some thirty libraries (TLS, Kerberos, LDAP, SSH…), and loading
/// them at start-up took about a quarter of a short run's time. A system without libcurl still
/// lints files; fetching a URL there is an error that says what to install.
struct LibCurl: @unchecked Sendable {
  /// The loaded library (`const fp_curl *`), kept for the life of the process; it is never
  /// written after loading, so one value serves every thread.
  let library: OpaquePointer

  /// The names tried in order: the usual soname, then Debian's GnuTLS build of the same ABI
  /// (libcurl3-gnutls, which git needs, so it is often there when libcurl4 is not).
  static let names: [String] = {
    #if canImport(Darwin)
      return ["libcurl.4.dylib", "/usr/lib/libcurl.4.dylib"]
    #else
      return ["libcurl.so.4", "libcurl-gnutls.so.4"]
    #endif
  }()

  /// The system's libcurl, loaded and initialised once, on first use.
  static let system: Result<LibCurl, Unavailable> = load(names)

  /// Why no libcurl could be loaded: the loader's reason for each name tried.
  struct Unavailable: Error, Equatable {
    let reasons: [String]
  }

  /// Loads the first of `names` that opens and has libcurl's easy API. libcurl's global set-up
  /// runs on success, which must not happen on two threads at once: keep the result.
  static func load(_ names: [String]) -> Result<LibCurl, Unavailable> {
    var reasons: [String] = []
    for name in names {
      var error = [CChar](repeating: 0, count: 512)
      if let loaded = fp_curl_load(name, &error, error.count) { return .success(LibCurl(library: loaded)) }
      reasons.append(String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return .failure(Unavailable(reasons: reasons))
  }
}
