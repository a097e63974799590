import Foundation
import Yams

/// Reads `partnership.yaml`.
struct PartnershipLoader {
    let reader: YAMLReader

    static let monthNames = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    func load(_ text: String) -> Partnership? {
        var lines: [String: Int] = [:]
        return load(text, measureLines: &lines)
    }

    /// The partnership, with the line each framework measure is declared on.
    func load(_ text: String, measureLines: inout [String: Int]) -> Partnership? {
        guard let root = reader.parse(text),
            let map = reader.mapping(
                root, "the partnership file",
                allowed: [
                    "name", "short_name", "time_zone", "reporting_year_start", "organisations", "areas", "safeguarding",
                    "meetings", "measures", "contact",
                ],
                required: ["name", "organisations", "areas"])
        else { return nil }

        let what = "the partnership"
        let name = reader.string(map, "name", what)
        let timeZone = readTimeZone(map)
        let startMonth = readStartMonth(map)
        let organisations = readList(map, "organisations", "organisation", readOrganisation)
        let areas = readList(map, "areas", "area", readArea)
        let contacts = (reader.sequence(map, "safeguarding", what) ?? []).compactMap(readContact)
        let shortName = reader.string(map, "short_name", what)
        let bodies = readMeetingBodies(map, defaultBoardName: "\(shortName ?? name ?? "Partnership") board")
        let measures = readMeasures(map, lines: &measureLines)
        let contact = map["contact"].flatMap(readPartnershipContact)

        guard let name else { return nil }
        return Partnership(
            name: name, shortName: shortName, timeZone: timeZone,
            reportingYearStartMonth: startMonth, organisations: organisations, areas: areas,
            safeguardingContacts: contacts, meetingBodies: bodies, measures: measures, contact: contact)
    }

    private func readTimeZone(_ map: YAMLMapping) -> TimeZone {
        let fallback = TimeZone(identifier: "Europe/London")!
        guard let identifier = reader.string(map, "time_zone", "the partnership") else { return fallback }
        guard let zone = TimeZone(identifier: identifier) else {
            reader.report("unknown time zone \"\(identifier)\"; use a name like Europe/London", at: map["time_zone"])
            return fallback
        }
        return zone
    }

    private func readStartMonth(_ map: YAMLMapping) -> Int {
        guard let month = reader.string(map, "reporting_year_start", "the partnership") else { return 4 }
        guard let index = Self.monthNames.firstIndex(of: month.lowercased()) else {
            reader.report("\"reporting_year_start\" must be a month name such as april, not \"\(month)\"", at: map["reporting_year_start"])
            return 4
        }
        return index + 1
    }

    /// Reads a non-empty list whose items have unique ids.
    private func readList<Item>(
        _ map: YAMLMapping, _ key: String, _ itemName: String, _ readItem: (Node) -> (Item, Node?)?
    ) -> [Item] {
        guard let nodes = reader.sequence(map, key, "the partnership") else { return [] }
        if nodes.isEmpty { reader.report("\"\(key)\" must list at least one \(itemName)", at: map[key]) }
        var items: [Item] = []
        var seen = UniqueIDs(reader: reader, kind: "\(itemName) id")
        for node in nodes {
            guard let (item, idNode) = readItem(node) else { continue }
            if seen.insert(idNode?.string ?? "", at: idNode) { items.append(item) }
        }
        return items
    }

    private func readOrganisation(_ node: Node) -> (Organisation, Node?)? {
        guard
            let m = reader.mapping(
                node, "an organisation", allowed: ["id", "name", "type", "sector"], required: ["id", "name", "type", "sector"]),
            let id = reader.slug(m, "id", "an organisation")
        else { return nil }
        let what = "organisation \"\(id)\""
        let name = reader.string(m, "name", what)
        let type = reader.oneOf(m, "type", what, OrganisationType.self)
        let sector = reader.oneOf(m, "sector", what, Sector.self)
        guard let name, let type, let sector else { return nil }
        return (Organisation(id: id, name: name, type: type, sector: sector), m["id"])
    }

    private func readArea(_ node: Node) -> (Area, Node?)? {
        guard let m = reader.mapping(node, "an area", allowed: ["id", "name"], required: ["id", "name"]),
            let id = reader.slug(m, "id", "an area"), let name = reader.string(m, "name", "area \"\(id)\"")
        else { return nil }
        return (Area(id: id, name: name), m["id"])
    }

    /// `contact:` — a name and at least one way to reach them; an email must be one mail can go to.
    private func readPartnershipContact(_ node: Node) -> PartnershipContact? {
        let what = "the partnership's contact"
        guard let m = reader.mapping(node, what, allowed: ["name", "email", "phone"], required: ["name"]),
            let name = reader.string(m, "name", what)
        else { return nil }
        let email = reader.string(m, "email", what)
        let phone = reader.string(m, "phone", what)
        if let email, !EmailAddress.isPlausible(email) {
            reader.report("\"email\" of \(what) is not an email address: \"\(email)\"", at: m["email"])
            return nil
        }
        guard email != nil || phone != nil else {
            reader.report("\(what) needs an \"email\" or a \"phone\", so that people can reach them", at: node)
            return nil
        }
        return PartnershipContact(name: name, email: email, phone: phone)
    }

    private func readContact(_ node: Node) -> SafeguardingContact? {
        guard
            let m = reader.mapping(
                node, "a safeguarding contact", allowed: ["name", "phone", "url", "description"], required: ["name"]),
            let name = reader.string(m, "name", "a safeguarding contact")
        else { return nil }
        let what = "safeguarding contact \"\(name)\""
        let url = reader.string(m, "url", what)
        if let url, !url.hasPrefix("https://") {
            reader.report("\"url\" of \(what) must start with https://", at: m["url"])
        }
        return SafeguardingContact(
            name: name, phone: reader.string(m, "phone", what), url: url?.hasPrefix("https://") == true ? url : nil,
            description: reader.string(m, "description", what))
    }
}

extension YAMLReader {
    /// A value from a fixed list, reporting the allowed values when it is not one of them.
    func oneOf<Value: RawRepresentable & CaseIterable>(
        _ mapping: YAMLMapping, _ key: String, _ what: String, _ type: Value.Type
    ) -> Value? where Value.RawValue == String {
        guard let raw = string(mapping, key, what) else { return nil }
        guard let value = Value(rawValue: raw) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            report("\"\(key)\" of \(what) is \"\(raw)\"; use one of: \(allowed)", at: mapping[key])
            return nil
        }
        return value
    }
}
