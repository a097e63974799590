import Foundation

/// The people a lead adds to a round, from a pasted or uploaded CSV (`name,email,organisation`,
/// a heading row allowed) or one at a time: every bad row is reported with its line, and nothing
/// is accepted unless everything is.
public struct RepresentativeList: Sendable {
    /// One accepted row.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var email: String
        public var organisationID: String
    }

    /// A problem, with its line (1 for a single entry).
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "Line \(line): \(message)" }
    }

    /// The organisations people may represent (those the questionnaire's organisation question offers).
    public let organisations: [Choice]

    public init(organisations: [Choice]) {
        self.organisations = organisations
    }

    public func parse(csv text: String) -> Result<[Entry], Problems> {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(text)
        } catch {
            guard case .unclosedQuote(let line) = error else { return .failure(Problems(list: [])) }
            return .failure(Problems(list: [Problem(line: line, message: "a quote (\") is opened and never closed")]))
        }
        var entries: [Entry] = []
        var problems: [Problem] = []
        var firstLineOf: [String: Int] = [:]
        for (index, record) in records.enumerated() {
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if index == 0, fields.map({ $0.lowercased() }) == ["name", "email", "organisation"] { continue }
            guard fields.count == 3 else {
                problems.append(Problem(line: record.line, message: "expected 3 values (name, email, organisation), found \(fields.count)"))
                continue
            }
            switch entry(name: fields[0], email: fields[1], organisation: fields[2]) {
            case .failure(let message):
                problems.append(Problem(line: record.line, message: message.message))
            case .success(let entry):
                if let first = firstLineOf[entry.email.lowercased()] {
                    problems.append(Problem(line: record.line, message: "\(entry.email) is already on line \(first)"))
                } else {
                    firstLineOf[entry.email.lowercased()] = record.line
                    entries.append(entry)
                }
            }
        }
        if entries.isEmpty, problems.isEmpty { problems.append(Problem(line: 1, message: "there are no people in the list")) }
        return problems.isEmpty ? .success(entries) : .failure(Problems(list: problems))
    }

    /// Every problem found in a list.
    public struct Problems: Error, Sendable, Equatable {
        public var list: [Problem]
    }

    /// Checks one person; `organisation` may be the organisation's id or its name.
    public func entry(name: String, email: String, organisation: String) -> Result<Entry, EntryProblem> {
        if name.isEmpty { return .failure(EntryProblem(field: "name", message: "enter the person's name")) }
        if name.count > 200 { return .failure(EntryProblem(field: "name", message: "the name must be 200 characters or fewer")) }
        // A line break in a name would become a line break in an email header.
        if name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            return .failure(EntryProblem(field: "name", message: "the name contains a line break or control character"))
        }
        guard EmailAddress.isPlausible(email) else {
            return .failure(EntryProblem(field: "email", message: "\"\(email)\" is not an email address in the correct format, like name@example.com"))
        }
        let wanted = organisation.lowercased()
        guard let match = organisations.first(where: { $0.value == organisation || $0.label.lowercased() == wanted }) else {
            return .failure(EntryProblem(field: "organisation", message: "\"\(organisation)\" is not one of the partnership's organisations for this survey"))
        }
        return .success(Entry(name: name, email: email, organisationID: match.value))
    }

    /// Why one person cannot be added, and which of their details is wrong.
    public struct EntryProblem: Error, Sendable, Equatable {
        public var field: String
        public var message: String
    }
}
