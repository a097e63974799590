import Foundation

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
