import Foundation

/// A personal link and the email that carries it, made for one person.
public struct PersonalMail: Sendable {
    /// The SHA-256 of the link's token; the token itself is only in the email.
    public var tokenHash: Data
    public var message: OutboxMessage

    public init(tokenHash: Data, message: OutboxMessage) {
        self.tokenHash = tokenHash
        self.message = message
    }
}
