import Foundation
import NIOCore

/// Gathers the parts MultipartKit's parser reports, by the name in each part's Content-Disposition.
///
/// A field's text must be UTF-8, as browsers send it. A file's need not: Excel on Windows saves
/// "CSV (Comma delimited)" in Windows-1252, so a file that is not UTF-8 is read as that (and, for
/// the few bytes Windows-1252 leaves undefined, as Latin-1) rather than refused.
final class MultipartCollector {
    private(set) var fields: [String: [String]] = [:]
    private(set) var isValid = true
    private var name: String?
    private var isFile = false
    private var bytes: [UInt8] = []

    func header(_ field: String, _ value: String) {
        guard field.lowercased() == "content-disposition" else { return }
        let parameters = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        name = parameters.first { $0.hasPrefix("name=") }
            .map { String($0.dropFirst(5)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        isFile = parameters.contains { $0.hasPrefix("filename=") || $0.hasPrefix("filename*=") }
    }

    func body(_ buffer: inout ByteBuffer) {
        bytes += buffer.readBytes(length: buffer.readableBytes) ?? []
    }

    func complete() {
        defer { (name, isFile, bytes) = (nil, false, []) }
        // Every part must be named (RFC 7578); a nameless one (or a name that was not UTF-8) is a broken post.
        guard let name, !name.isEmpty else {
            isValid = false
            return
        }
        guard let text = String(validating: bytes, as: UTF8.self) ?? (isFile ? Self.legacyText(bytes) : nil) else {
            isValid = false
            return
        }
        fields[name, default: []].append(text)
    }

    private static func legacyText(_ bytes: [UInt8]) -> String? {
        String(bytes: bytes, encoding: .windowsCP1252) ?? String(bytes: bytes, encoding: .isoLatin1)
    }
}
