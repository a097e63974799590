import Foundation

/// A signed-in session as stored.
public struct StoredSession: Sendable, Equatable {
    public var account: Account
    public var createdAt: Date
    public var lastSeenAt: Date
}
