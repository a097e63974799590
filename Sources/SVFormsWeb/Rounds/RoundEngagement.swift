import SVFormsCore
import SVFormsStore

/// Invited, started and submitted in a round, by organisation and by organisation type: the
/// engagement a partnership reports alongside its measures.
struct RoundEngagement {
    struct Tally {
        var people = 0, invited = 0, started = 0, submitted = 0

        mutating func add(_ person: Representative) {
            people += 1
            if person.invitedAt != nil { invited += 1 }
            if person.hasStarted { started += 1 }
            if person.submittedAt != nil { submitted += 1 }
        }
    }

    let total: Tally
    let byType: [(type: OrganisationType, tally: Tally)]
    let byOrganisation: [(organisation: String, tally: Tally)]

    init(_ people: [Representative], partnership: Partnership) {
        var total = Tally()
        var types: [OrganisationType: Tally] = [:]
        var organisations: [String: Tally] = [:]
        let byID = Dictionary(partnership.organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for person in people {
            total.add(person)
            organisations[person.organisationID, default: Tally()].add(person)
            if let type = byID[person.organisationID]?.type { types[type, default: Tally()].add(person) }
        }
        self.total = total
        byType = OrganisationType.allCases.compactMap { type in types[type].map { (type, $0) } }
        // Partnership order, then any organisation no longer in the partnership file.
        let known = partnership.organisations.compactMap { org in organisations[org.id].map { (org.name, $0) } }
        let unknown = organisations.filter { byID[$0.key] == nil }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        byOrganisation = known + unknown
    }
}
