import Mustache

/// A person in a round, as the round page lists them.
struct PersonRowView: Sendable, MustacheParent {
    var name: String
    var email: String
    var organisation: String
    var status: String

    func child(named name: String) -> Any? {
        switch name {
        case "personName": self.name
        case "personEmail": email
        case "personOrganisation": organisation
        case "personStatus": status
        default: nil
        }
    }
}
