import NIOCore

/// Checks what MultipartKit 4.7.1 cannot survive: a byte above 127 where a part's header name
/// belongs indexes past its 128-entry table and stops the whole process (found by the fuzz suite).
/// Browsers only send ASCII header names, so such a body is refused as a bad request instead.
enum MultipartHeaderCheck {
    /// Whether every header name of every part (each line of a part's header block, up to its
    /// colon) is ASCII.
    static func headerNamesAreASCII(_ body: ByteBuffer, boundary: String) -> Bool {
        let bytes = body.readableBytesView
        let delimiter = Array("--\(boundary)".utf8)
        var index = bytes.startIndex
        while let found = firstIndex(of: delimiter, in: bytes, from: index) {
            // The header block starts on the line after the delimiter and ends at an empty line.
            guard var line = bytes[found...].firstIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }) else { return true }
            while line < bytes.endIndex {
                let end = bytes[line...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
                let content = bytes[line..<end].filter { $0 != UInt8(ascii: "\r") }
                if content.isEmpty { break }
                if content.prefix(while: { $0 != UInt8(ascii: ":") }).contains(where: { $0 > 127 }) { return false }
                line = end + 1
            }
            index = found + delimiter.count
        }
        return true
    }

    private static func firstIndex(of needle: [UInt8], in bytes: ByteBufferView, from start: Int) -> Int? {
        guard let first = needle.first, bytes.endIndex - start >= needle.count else { return nil }
        var index = start
        while index <= bytes.endIndex - needle.count {
            guard let candidate = bytes[index...(bytes.endIndex - needle.count)].firstIndex(of: first) else { return nil }
            if bytes[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
