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
