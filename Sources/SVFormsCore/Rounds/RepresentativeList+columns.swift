extension RepresentativeList {
    /// Where name, email and organisation are in each row.
    struct Columns: Equatable {
        var name: Int
        var email: Int
        var organisation: Int

        /// Without a heading row: name, email, organisation.
        static let standard = Columns(name: 0, email: 1, organisation: 2)

        init(name: Int, email: Int, organisation: Int) {
            self.name = name
            self.email = email
            self.organisation = organisation
        }

        /// The columns a heading row names, or nil when the row is not a heading (then it is data).
        init?(heading fields: [String]) {
            var found: [String: Int] = [:]
            for (index, field) in fields.enumerated() {
                guard let column = Self.column(named: field), found[column] == nil else { return nil }
                found[column] = index
            }
            guard let name = found["name"], let email = found["email"], let organisation = found["organisation"] else { return nil }
            self.init(name: name, email: email, organisation: organisation)
        }

        /// "Email address" → "email", "Organization" → "organisation"; nil for anything else.
        static func column(named heading: String) -> String? {
            switch heading.lowercased().filter(\.isLetter) {
            case "name", "fullname": "name"
            case "email", "emailaddress", "mail": "email"
            case "organisation", "organization", "organisationname", "organizationname": "organisation"
            default: nil
            }
        }
    }
}
