import Foundation

/// A message as Python's `email` package reads it (Tests/system/mail_parse.py): an
/// independent implementation checking the bytes svforms renders.
struct ParsedMail: Decodable {
    struct Part: Decodable {
        let contentType: String
        let charset: String?
        let transferEncoding: String?
        let content: String

        enum CodingKeys: String, CodingKey {
            case contentType = "content_type"
            case charset
            case transferEncoding = "transfer_encoding"
            case content
        }
    }

    let fromName: String
    let fromAddress: String
    let to: [[String]]
    let subject: String
    let messageID: String
    let date: Double
    let contentType: String
    let boundary: String?
    let parts: [Part]
    let headerLines: [String]
    let extra: [String: String]
    let defects: [String]

    // The Python helper's JSON names.
    enum CodingKeys: String, CodingKey {
        case fromName = "from_name"
        case fromAddress = "from_address"
        case to, subject
        case messageID = "message_id"
        case date
        case contentType = "content_type"
        case boundary, parts
        case headerLines = "header_lines"
        case extra, defects
    }

    /// Parses `bytes` (a whole message) with Python.
    static func parse(_ bytes: [UInt8]) async throws -> ParsedMail {
        let directory = try TestEnvironment.temporaryDirectory("parse")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("message.eml")
        try Data(bytes).write(to: file)
        return try await parse(file: file.path)
    }

    /// Parses the message in `file` with Python.
    static func parse(file: String) async throws -> ParsedMail {
        let output = try await ChildProcess.run(
            try TestEnvironment.python(), [TestEnvironment.systemScript("mail_parse.py"), file]
        )
        return try JSONDecoder().decode(ParsedMail.self, from: output)
    }

    /// The decoded content of the first part of `type`, or nil.
    func content(of type: String) -> String? {
        parts.first { $0.contentType == type }?.content
    }
}
