import Foundation

/// The people a lead adds to a round, from a pasted or uploaded CSV or one at a time: every bad
/// row is reported with its line, and nothing is accepted unless everything is.
///
/// The columns are name, email and organisation in that order, or in any order under a heading
/// row that names them ("Name", "Email address", "Organization" and similar spellings).
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
        switch CSVReader.lines(text) {
        case .failure(let problems): return .failure(problems)
        case .success(let read): records = read
        }
        var entries: [Entry] = []
        var problems: [Problem] = []
        var firstLineOf: [String: Int] = [:]
        let columns = records.first.flatMap { Columns(heading: $0.fields) }
        for record in records.dropFirst(columns == nil ? 0 : 1) {
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            let order = columns ?? Columns.standard
            guard fields.count == 3 else {
                problems.append(Problem(line: record.line, message: "expected 3 values (name, email, organisation), found \(fields.count)"))
                continue
            }
            switch entry(name: fields[order.name], email: fields[order.email], organisation: fields[order.organisation]) {
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
        // Counted in code points as well, as the database counts them (letter plus accent is two).
        if name.count > 200 || name.unicodeScalars.count > 200 {
            return .failure(EntryProblem(field: "name", message: "the name must be 200 characters or fewer"))
        }
        // A line break in a name would become a line break in an email header.
        if name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return .failure(EntryProblem(field: "name", message: "the name contains a line break or control character"))
        }
        guard EmailAddress.isPlausible(email), !email.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            return .failure(
                EntryProblem(field: "email", message: "\"\(email)\" is not an email address in the correct format, like name@example.com"))
        }
        // Mail goes out without SMTPUTF8, which not every server offers.
        guard email.unicodeScalars.allSatisfy(\.isASCII) else {
            return .failure(
                EntryProblem(
                    field: "email",
                    message: "\"\(email)\" has accented or non-Latin letters, which svforms cannot send to; use the person's plain address"))
        }
        if organisation.isEmpty { return .failure(EntryProblem(field: "organisation", message: "select the organisation they answer for")) }
        let wanted = organisation.lowercased()
        guard let match = organisations.first(where: { $0.value == organisation || $0.label.lowercased() == wanted }) else {
            return .failure(
                EntryProblem(field: "organisation", message: "\"\(organisation)\" is not one of the partnership's organisations for this survey"))
        }
        return .success(Entry(name: name, email: email, organisationID: match.value))
    }

    /// Why one person cannot be added, and which of their details is wrong.
    public struct EntryProblem: Error, Sendable, Equatable {
        public var field: String
        public var message: String
    }
}
