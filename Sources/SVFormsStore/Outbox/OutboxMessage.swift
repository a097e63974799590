import Foundation

/// An email to queue: what the outbox stores, and what the admin mail page lists.
public struct OutboxMessage: Sendable, Equatable {
    /// The `Message-ID` header: kept across every attempt, so a resend after a crash is recognisably the same mail.
    public var messageID: String
    /// `invitation`, `reminder`, `submission`, `digest`.
    public var kind: String
    /// Who it goes to, for the mail page.
    public var recipient: String
    public var subject: String
    /// Everything needed to build the message again at each attempt (the web layer's JSON).
    public var payload: Data

    public init(messageID: String, kind: String, recipient: String, subject: String, payload: Data) {
        self.messageID = messageID
        self.kind = kind
        self.recipient = recipient
        self.subject = subject
        self.payload = payload
    }
}
