import CCurl

/// The bytes of one upload, handed to libcurl piece by piece from its read callback.
///
/// libcurl calls the callback on the thread running curl_easy_perform, one call at a time,
/// so the offset needs no lock. The object reaches the C callback as an unretained pointer
/// (CURLOPT_READDATA); the caller keeps it alive until the transfer is over.
final class CurlUploadSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Copies up to `capacity` further bytes into `buffer`; 0 means the upload is complete.
    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            // Non-empty (count > 0 above), so baseAddress is not nil.
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    /// The C read callback for CURLOPT_READFUNCTION; non-capturing, it finds its source in
    /// the `userdata` pointer given as CURLOPT_READDATA.
    static let readFunction: curl_read_callback = { buffer, size, count, userdata in
        guard let buffer, let userdata else { return Int(CURL_READFUNC_ABORT) }
        let source = Unmanaged<CurlUploadSource>.fromOpaque(userdata).takeUnretainedValue()
        return source.read(into: buffer, capacity: size * count)
    }
}
