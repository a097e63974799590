import Foundation

/// Someone who signs in: a lead, a viewer or an admin.
public struct Account: Sendable, Equatable {
    public var id: Int64
    public var email: String
    public var role: Role
    public var createdAt: Date
    public var disabledAt: Date?

    public var isDisabled: Bool { disabledAt != nil }
}

/// What a signed-in person may do. Each role can do everything the ones after it can.
public enum Role: String, Sendable, CaseIterable {
    /// User accounts and everything a lead does.
    case admin
    /// Everything about forms, responses and downloads.
    case lead
    /// Dashboards and scored summaries only, never response-level data.
    case viewer

    /// Whether this role includes everything `other` may do.
    public func includes(_ other: Role) -> Bool { rank >= other.rank }

    private var rank: Int {
        switch self {
        case .admin: 3
        case .lead: 2
        case .viewer: 1
        }
    }
}

/// A signed-in session as stored.
public struct StoredSession: Sendable, Equatable {
    public var account: Account
    public var createdAt: Date
    public var lastSeenAt: Date
}

/// A line of the audit log: who did what, when, and to how many rows.
public struct AuditEvent: Sendable, Equatable {
    public var at: Date
    /// An email address, "command line", or "anonymous".
    public var actor: String
    /// e.g. `login.success`, `login.failure`, `download.responses.csv`.
    public var action: String
    /// What it was about: a form id, an email address tried.
    public var subject: String?
    public var rowCount: Int?
    /// The client address, where there was one.
    public var client: String?

    public init(at: Date, actor: String, action: String, subject: String? = nil, rowCount: Int? = nil, client: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.rowCount = rowCount
        self.client = client
    }
}

/// What the store refuses, as the domain understands it.
public enum AccountError: Error, Equatable {
    case emailAlreadyUsed
    case noSuchAccount
}
