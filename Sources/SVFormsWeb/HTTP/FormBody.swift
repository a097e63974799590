import Foundation
import Hummingbird
import SVFormsCore

/// Reads a form post: `application/x-www-form-urlencoded`, or `multipart/form-data` when it carries
/// a file (an uploaded file's contents become the field's value as text). Repeated names (checkboxes)
/// keep every value. A field name or value holding U+0000 is a 400: no browser sends one, and SQLite
/// reads text only up to it in places (`COLLATE NOCASE`), so `lead@example.org\0x` found the lead's
/// account while counting its failed sign-ins under another name (found by the outside attack test).
enum FormBody {
    /// More fields than any page has; a flood of fields is refused rather than processed.
    static let maxFields = 1_000

    static func read(_ request: Request, context: AppRequestContext) async throws -> FormInput {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: context.maxUploadSize)
        } catch let error as any HTTPResponseError {
            throw error  // 413: too large
        } catch {
            // The body ended before its Content-Length, or the client gave up half-way: a broken
            // request, not a fault of the server's.
            throw WebError.badRequest
        }
        let contentType = request.headers[.contentType] ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            return try parseMultipart(buffer, contentType: contentType)
        }
        return try parse(String(buffer: buffer))
    }

    /// Parses `a=1&b=2&b=3`; invalid percent-encoding or UTF-8 is a 400.
    static func parse(_ body: String) throws(WebError) -> FormInput {
        var fields: [String: [String]] = [:]
        var count = 0
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            count += 1
            guard count <= maxFields else { throw .badRequest }
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : ""),
                !holdsNUL(name), !holdsNUL(value)
            else { throw .badRequest }
            fields[name, default: []].append(value)
        }
        return FormInput(fields)
    }

    private static func decode(_ text: Substring) -> String? {
        // Browsers percent-encode everything outside ASCII; raw bytes there mean a broken client.
        guard text.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        return text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// Parses multipart form data; a malformed body, or a field (not a file) that is not UTF-8, is a 400.
    ///
    /// A file's text need not be UTF-8: Excel on Windows saves "CSV (Comma delimited)" in Windows-1252,
    /// so a file that is not UTF-8 is read as that (and, for the few bytes Windows-1252 leaves undefined,
    /// as Latin-1) rather than refused.
    static func parseMultipart(_ body: ByteBuffer, contentType: String) throws(WebError) -> FormInput {
        guard let boundary = MultipartFormData.boundary(inContentType: contentType) else { throw .badRequest }
        let parts: [MultipartFormData.Part]
        do { parts = try MultipartFormData.parts(of: Array(body.readableBytesView), boundary: boundary, maximumParts: maxFields) } catch {
            throw .badRequest
        }
        var fields: [String: [String]] = [:]
        for part in parts {
            // A file may hold NULs (a UTF-16 CSV read as Windows-1252): its reader says what is wrong with it.
            guard let text = String(validating: part.content, as: UTF8.self) ?? (part.isFile ? legacyText(part.content) : nil),
                !holdsNUL(part.name), part.isFile || !holdsNUL(text)
            else { throw .badRequest }
            fields[part.name, default: []].append(text)
        }
        return FormInput(fields)
    }

    private static func holdsNUL(_ text: String) -> Bool { text.utf8.contains(0) }

    private static func legacyText(_ bytes: ArraySlice<UInt8>) -> String? {
        String(bytes: bytes, encoding: .windowsCP1252) ?? String(bytes: bytes, encoding: .isoLatin1)
    }
}
