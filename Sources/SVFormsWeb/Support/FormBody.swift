import Foundation
import Hummingbird
import MultipartKit
import SVFormsCore

/// Reads a form post: `application/x-www-form-urlencoded`, or `multipart/form-data` when it carries
/// a file (an uploaded file's contents become the field's value as text). Repeated names (checkboxes)
/// keep every value.
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
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else {
                throw .badRequest
            }
            fields[name, default: []].append(value)
        }
        return FormInput(fields)
    }

    private static func decode(_ text: Substring) -> String? {
        // Browsers percent-encode everything outside ASCII; raw bytes there mean a broken client.
        guard text.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        return text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// Parses multipart form data with MultipartKit; a field (not a file) that is not UTF-8 is a 400.
    static func parseMultipart(_ body: ByteBuffer, contentType: String) throws(WebError) -> FormInput {
        guard let boundary = contentType.split(separator: ";").lazy.map({ $0.trimmingCharacters(in: .whitespaces) })
            .first(where: { $0.lowercased().hasPrefix("boundary=") })?.dropFirst("boundary=".count)
            .trimmingCharacters(in: CharacterSet(charactersIn: "\"")),
            // RFC 2046: 1 to 70 characters. MultipartKit stops the process on an empty one.
            (1...70).contains(boundary.count),
            MultipartHeaderCheck.headerNamesAreASCII(body, boundary: boundary)
        else { throw .badRequest }
        let collector = MultipartCollector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name, value) }
        parser.onBody = { buffer in collector.body(&buffer) }
        parser.onPartComplete = { collector.complete() }
        do { try parser.execute(body) } catch { throw .badRequest }
        guard collector.isValid, collector.fields.values.map(\.count).reduce(0, +) <= maxFields else { throw .badRequest }
        return FormInput(collector.fields)
    }
}
