import Foundation

/// A message as Python's `email` package reads it (Tests/system/mail_parse.py): an
/// independent implementation checking the bytes svforms renders.
struct ParsedMail: Decodable {
    struct Part: Decodable {
        let content_type: String
        let charset: String?
        let transfer_encoding: String?
        let content: String
    }

    let from_name: String
    let from_address: String
    let to: [[String]]
    let subject: String
    let message_id: String
    let date: Double
    let content_type: String
    let boundary: String?
    let parts: [Part]
    let header_lines: [String]
    let extra: [String: String]
    let defects: [String]

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
        parts.first { $0.content_type == type }?.content
    }
}
