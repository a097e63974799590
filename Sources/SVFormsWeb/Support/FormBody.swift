import Hummingbird
import SVFormsCore

/// Reads an `application/x-www-form-urlencoded` body, keeping repeated names (checkboxes).
enum FormBody {
    /// More fields than any page has; a flood of fields is refused rather than processed.
    static let maxFields = 1_000

    static func read(_ request: Request, context: AppRequestContext) async throws -> FormInput {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
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
}
