import Foundation

/// Someone who signs in: a lead, a viewer or an admin.
public struct Account: Sendable, Equatable {
    public var id: Int64
    public var email: String
    public var role: Role
    public var createdAt: Date
    public var disabledAt: Date?
    /// Wants an email on each submitted role survey.
    public var notifySubmissions = false
    /// Wants the daily digest of new community voices.
    public var notifyDigest = false

    public var isDisabled: Bool { disabledAt != nil }
}
