import Mustache

/// A person in a round, as the round page lists them.
struct PersonRowView: Sendable, MustacheParent {
    var id: Int64
    var roundID: Int64
    var name: String
    var email: String
    var organisation: String
    var status: String
    /// Until they submit, a person can be taken out of the round (their link stops working).
    var canRemove: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "personName": self.name
        case "personEmail": email
        case "personOrganisation": organisation
        case "personStatus": status
        case "canRemove": canRemove
        case "removeHref": SiteRoute.roundRemovePerson.path(roundID, id)
        default: nil
        }
    }
}
