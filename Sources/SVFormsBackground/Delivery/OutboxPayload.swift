import Foundation
import SVFormsMail

/// A message as the outbox stores it: enough to build exactly the same `MailMessage` (and so the
/// same `Message-ID`) at every attempt, however many restarts come between.
public struct OutboxPayload: Codable {
    public struct Address: Codable {
        public var address: String
        public var name: String?
    }

    public var from: Address
    public var to: [Address]
    public var subject: String
    public var text: String
    public var html: String
    public var messageID: String
    public var date: Date

    public init(_ message: MailMessage) {
        from = Address(address: message.from.address, name: message.from.name)
        to = message.to.map { Address(address: $0.address, name: $0.name) }
        subject = message.subject
        text = message.text
        html = message.html
        messageID = message.messageID
        date = message.date
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .secondsSince1970
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> OutboxPayload {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode(OutboxPayload.self, from: data)
    }

    /// The message again; a payload that no longer builds one (it was checked when queued) is a permanent failure.
    public func message() throws -> MailMessage {
        try MailMessage(
            from: MailAddress(from.address, name: from.name), to: to.map { try MailAddress($0.address, name: $0.name) },
            subject: subject, text: text, html: html, messageID: messageID, date: date)
    }
}
