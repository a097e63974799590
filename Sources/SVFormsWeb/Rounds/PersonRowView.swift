import Mustache

/// A person in a round, as the round page lists them; their name opens their own page.
struct PersonRowView: Sendable, MustacheParent {
    var id: Int64
    var roundID: Int64
    var name: String
    var email: String
    var organisation: String
    var status: String
    var reminders: Int

    func child(named name: String) -> Any? {
        switch name {
        case "personName": self.name
        case "personEmail": email
        case "personOrganisation": organisation
        case "personStatus": status
        case "personReminders": reminders.formatted()
        case "personHref": SiteRoute.roundPerson.path(roundID, id)
        default: nil
        }
    }
}
