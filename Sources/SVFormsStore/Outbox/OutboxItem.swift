import Foundation

/// A row of the outbox as the delivery worker and the mail page see it.
public struct OutboxItem: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case queued, sent, failed
    }

    public var id: Int64
    public var message: OutboxMessage
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
    /// A transient failure after this time is final: the message is marked failed.
    public var expiresAt: Date
    /// False once the content was dropped (sent, or failed long ago): such a row cannot be sent again.
    public var hasContent: Bool
}
