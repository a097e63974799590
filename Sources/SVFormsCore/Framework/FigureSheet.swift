import Foundation

/// Quarterly figures for the imported measures, from a pasted or uploaded CSV or the one-figure
/// form: every bad row is reported with its line, and nothing is accepted unless everything is.
///
/// Columns: measure id, quarter ("2025/26 Q3"), value, then optionally source and note. A first
/// row starting "measure" is a heading. An empty source means the measure's declared source.
public struct FigureSheet: Sendable {
    /// One accepted figure.
    public struct Entry: Sendable, Equatable {
        public var measureID: String
        public var quarter: ReportingQuarter
        public var value: FigureValue
        public var source: String
        public var note: String
    }

    public typealias Problem = RepresentativeList.Problem
    public typealias Problems = RepresentativeList.Problems

    public static let maxSourceLength = 200
    public static let maxNoteLength = 1000

    /// The measures figures may be entered for (those of kind `imported`).
    public let measures: [FrameworkMeasure]
    public let calendar: ReportingCalendar
    /// Figures for quarters after this one are refused: they cannot be known yet.
    public let currentQuarter: ReportingQuarter

    public init(measures: [FrameworkMeasure], calendar: ReportingCalendar, currentQuarter: ReportingQuarter) {
        self.measures = measures.filter(\.isImported)
        self.calendar = calendar
        self.currentQuarter = currentQuarter
    }

    public func parse(csv text: String) -> Result<[Entry], Problems> {
        let records: [CSVReader.Record]
        switch CSVReader.lines(text) {
        case .failure(let problems): return .failure(problems)
        case .success(let read): records = read
        }
        let hasHeading = records.first?.fields.first?.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("measure") == true
        var entries: [Entry] = []
        var problems: [Problem] = []
        var firstLineOf: [String: Int] = [:]
        for record in records.dropFirst(hasHeading ? 1 : 0) {
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard (3...5).contains(fields.count) else {
                problems.append(
                    Problem(line: record.line, message: "expected 3 to 5 values (measure, quarter, value, source, note), found \(fields.count)"))
                continue
            }
            let field = { (index: Int) in index < fields.count ? fields[index] : "" }
            switch entry(measure: field(0), quarter: field(1), value: field(2), source: field(3), note: field(4)) {
            case .failure(let problem):
                problems.append(Problem(line: record.line, message: problem.message))
            case .success(let entry):
                let key = "\(entry.measureID) \(entry.quarter.label)"
                if let first = firstLineOf[key] {
                    problems.append(Problem(line: record.line, message: "\(entry.measureID) for \(entry.quarter.label) is already on line \(first)"))
                } else {
                    firstLineOf[key] = record.line
                    entries.append(entry)
                }
            }
        }
        if entries.isEmpty, problems.isEmpty { problems.append(Problem(line: 1, message: "there are no figures in the list")) }
        return problems.isEmpty ? .success(entries) : .failure(Problems(list: problems))
    }

    /// Checks one figure; `field` in the problem names the form field at fault.
    public func entry(measure: String, quarter: String, value: String, source: String, note: String) -> Result<Entry, RepresentativeList.EntryProblem>
    {
        typealias Fault = RepresentativeList.EntryProblem
        guard let declared = measures.first(where: { $0.id == measure }) else {
            let known = measures.map(\.id).joined(separator: ", ")
            return .failure(
                Fault(
                    field: "measure",
                    message: measure.isEmpty
                        ? "enter the measure id (one of: \(known))" : "\"\(measure)\" is not a measure entered by hand; use one of: \(known)"))
        }
        guard let parsedQuarter = ReportingQuarter(label: quarter, yearStartMonth: calendar.yearStartMonth) else {
            return .failure(
                Fault(
                    field: "quarter",
                    message: quarter.isEmpty
                        ? "enter the quarter, like \(currentQuarter.label)" : "\"\(quarter)\" is not a quarter; write it like \(currentQuarter.label)"
                ))
        }
        guard parsedQuarter.yearStart >= ReportingQuarter.earliestYear else {
            return .failure(Fault(field: "quarter", message: "\(parsedQuarter.label) is before \(ReportingQuarter.earliestYear); check the year"))
        }
        guard parsedQuarter <= currentQuarter else {
            return .failure(Fault(field: "quarter", message: "\(parsedQuarter.label) has not started yet, so it cannot have a figure"))
        }
        let parsedValue: FigureValue
        switch FigureValue.parse(value) {
        case .failure(let problem): return .failure(Fault(field: "value", message: problem.message))
        case .success(let figure): parsedValue = figure
        }
        let shownSource = source.isEmpty ? declared.source : source
        guard shownSource.count <= Self.maxSourceLength else {
            return .failure(Fault(field: "source", message: "the source must be \(Self.maxSourceLength) characters or fewer"))
        }
        guard note.count <= Self.maxNoteLength else {
            return .failure(Fault(field: "note", message: "the note must be \(Self.maxNoteLength) characters or fewer"))
        }
        // C0 (but line breaks in a note), DEL and C1: nothing a person types, and trouble in a spreadsheet.
        if (shownSource + note).unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }) {
            return .failure(Fault(field: "note", message: "the source or note contains a control character"))
        }
        return .success(Entry(measureID: declared.id, quarter: parsedQuarter, value: parsedValue, source: shownSource, note: note))
    }
}
