import CCurl

/// libcurl's process-wide set-up, which must run once before any other libcurl call and is
/// not itself thread-safe.
enum CurlGlobal {
    /// Swift initialises a static stored property exactly once, on first use and under a
    /// lock (swift_once), which is what curl_global_init needs.
    private static let initialisation: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// Runs curl_global_init the first time; its result every time.
    static func ensureInitialised() -> CURLcode {
        initialisation
    }
}
