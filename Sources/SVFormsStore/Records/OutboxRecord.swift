import Foundation
import GRDB

/// A row of `outbox`.
struct OutboxRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "outbox"

    var id: Int64?
    var messageID: String
    var kind: String
    var recipient: String
    var subject: String
    var message: Data
    var status: String
    var attempts: Int
    var nextAttemptAt: String
    var lastError: String?
    var createdAt: String
    var sentAt: String?
    var expiresAt: String

    enum CodingKeys: String, CodingKey {
        case id
        case messageID = "message_id"
        case kind, recipient, subject, message, status, attempts
        case nextAttemptAt = "next_attempt_at"
        case lastError = "last_error"
        case createdAt = "created_at"
        case sentAt = "sent_at"
        case expiresAt = "expires_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let status = Column(CodingKeys.status)
        static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
        static let createdAt = Column(CodingKeys.createdAt)
        static let message = Column(CodingKeys.message)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(_ message: OutboxMessage, at now: Date) {
        let time = Timestamp.string(now)
        self.init(
            id: nil, messageID: message.messageID, kind: message.kind, recipient: message.recipient, subject: message.subject,
            message: message.payload, status: OutboxItem.Status.queued.rawValue, attempts: 0, nextAttemptAt: time, lastError: nil,
            createdAt: time, sentAt: nil, expiresAt: Timestamp.string(now.addingTimeInterval(OutboxStore.undeliveredMailLifetime)))
    }

    init(
        id: Int64?, messageID: String, kind: String, recipient: String, subject: String, message: Data, status: String,
        attempts: Int, nextAttemptAt: String, lastError: String?, createdAt: String, sentAt: String?, expiresAt: String
    ) {
        self.id = id
        self.messageID = messageID
        self.kind = kind
        self.recipient = recipient
        self.subject = subject
        self.message = message
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.expiresAt = expiresAt
    }

    var item: OutboxItem {
        OutboxItem(
            id: id ?? 0,
            message: OutboxMessage(messageID: messageID, kind: kind, recipient: recipient, subject: subject, payload: message),
            status: OutboxItem.Status(rawValue: status) ?? .queued, attempts: attempts,
            nextAttemptAt: Timestamp.date(nextAttemptAt) ?? .distantPast, lastError: lastError,
            createdAt: Timestamp.date(createdAt) ?? .distantPast, sentAt: sentAt.flatMap(Timestamp.date),
            expiresAt: Timestamp.date(expiresAt) ?? .distantPast, hasContent: !message.isEmpty)
    }
}
