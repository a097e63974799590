import Foundation

/// A named person asked to answer a round for their organisation.
public struct Representative: Sendable, Equatable {
    public var id: Int64
    public var roundID: Int64
    public var name: String
    public var email: String
    public var organisationID: String
    /// The key of this person's draft in `draft`.
    public var draftKey: Data
    public var invitedAt: Date?
    public var remindedAt: Date?
    public var submittedAt: Date?
    public var responseReference: String?
    /// How many reminders they were sent; `remindedAt` is the last.
    public var reminderCount: Int
    /// Whether they have saved any answer (a draft exists) or submitted.
    public var hasStarted: Bool

    /// Reminders are at most one a day per person: the round's "remind" skips anyone reminded since `cutoff`.
    public func wasReminded(since cutoff: Date) -> Bool { remindedAt.map { $0 > cutoff } ?? false }
}
