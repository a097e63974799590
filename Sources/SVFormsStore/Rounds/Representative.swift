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

/// A row a lead adds, one by one or from CSV.
public struct NewRepresentative: Sendable, Equatable {
    public var name: String
    public var email: String
    public var organisationID: String

    public init(name: String, email: String, organisationID: String) {
        self.name = name
        self.email = email
        self.organisationID = organisationID
    }
}

/// What the store refuses about rounds.
public enum RoundError: Error, Equatable {
    case noSuchRound
    /// Already in the round (or twice in what was added): the email address.
    case alreadyInRound(String)
}
