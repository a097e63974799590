import CCurl

/// Keeps the SMTP server's recent reply lines, which libcurl passes to the header callback,
/// so a failure can say "550 5.1.1 no such user" rather than only "RCPT failed: 550", and a
/// receipt can carry "250 2.0.0 OK queued as …".
///
/// Called on the thread running the transfer only; reached from C as an unretained pointer
/// (CURLOPT_HEADERDATA) that the caller keeps alive until the handle is cleaned up.
final class SMTPReplyRecorder {
    /// At most this many lines are kept: enough for the last reply, bounded for a chatty server.
    private static let keep = 20
    private(set) var lines: [String] = []

    /// Records one reply line, without control characters, cut to 200 characters.
    func record(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        let clean = String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter {
                    $0.properties.generalCategory != .control
                }))
        guard !clean.isEmpty else { return }
        lines.append(String(clean.prefix(200)))
        if lines.count > Self.keep { lines.removeFirst(lines.count - Self.keep) }
    }

    /// The last reply line carrying `code` (libcurl's CURLINFO_RESPONSE_CODE), if any.
    func lastReply(withCode code: Int) -> String? {
        guard code > 0 else { return nil }
        return lines.last { $0.hasPrefix("\(code)") }
    }

    /// The C header callback for CURLOPT_HEADERFUNCTION; it must consume every byte.
    static let headerFunction: curl_write_callback = { buffer, size, count, userdata in
        let length = size * count
        guard let buffer, let userdata else { return length }
        let recorder = Unmanaged<SMTPReplyRecorder>.fromOpaque(userdata).takeUnretainedValue()
        buffer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            recorder.record(UnsafeBufferPointer(start: bytes, count: length))
        }
        return length
    }
}
