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
    /// Whether they have saved any answer (a draft exists) or submitted.
    public var hasStarted: Bool
}
