import Foundation
import SVFormsCore
import SVFormsExport
import SVFormsStore

extension ResultsReporter {
    /// How many responses are read from the database at a time.
    static let exportBatchSize = 500

    /// Writes one row per submitted response, reading a batch at a time, up to the newest response
    /// at the moment the export starts (so its row count, audited first, is exact). Returns the rows.
    @discardableResult
    public func writeResponses(
        of questionnaire: Questionnaire, upTo lastID: Int64, to writer: inout some TableWriter,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> Int {
        let columns = ResponseColumns(questionnaire: questionnaire, partnership: catalog.partnership, calendar: calendar)
        try await writer.writeHeader(columns.header)
        var after: Int64 = 0
        var rows = 0
        while true {
            let batch = try await database.responses(formID: questionnaire.id, after: after, limit: Self.exportBatchSize)
                .filter { $0.id <= lastID }
            guard let last = batch.last else { break }
            for response in batch { try await writer.writeRow(columns.cells(response)) }
            rows += batch.count
            after = last.id
            progress?(rows)
        }
        try await writer.finish()
        return rows
    }
}

/// The columns of the responses download, and how each response fills them.
struct ResponseColumns {
    let questionnaire: Questionnaire
    let partnership: Partnership
    let calendar: ReportingCalendar
    let scorers: [MeasureScorer]
    let organisationQuestionID: String?

    init(questionnaire: Questionnaire, partnership: Partnership, calendar: ReportingCalendar) {
        self.questionnaire = questionnaire
        self.partnership = partnership
        self.calendar = calendar
        scorers = questionnaire.measures.map { MeasureScorer(measure: $0, questionnaire: questionnaire, partnership: partnership) }
        organisationQuestionID = questionnaire.questions.first { if case .organisation = $0.kind { true } else { false } }?.id
    }

    var header: [String] {
        ["Reference", "Form version", "Submitted at", "Quarter", "Organisation", "Organisation type"]
            + questionnaire.questions.map(\.label)
            + scorers.flatMap { ["\($0.measure.id) ratings counted", "\($0.measure.id) ratings met"] }
    }

    func cells(_ response: ExportedResponse) -> [ExportCell] {
        let organisation = organisationQuestionID.flatMap { response.answers[$0]?.first }
            .flatMap { id in partnership.organisations.first { $0.id == id } }
        var cells: [ExportCell] = [
            .text(response.reference), .integer(response.formVersion),
            .text(LocalTimestamp.string(response.submittedAt, in: calendar.timeZone)),
            .text(calendar.quarter(containing: response.submittedAt).label),
            organisation.map { .text($0.name) } ?? .empty, organisation.map { .text($0.type.label) } ?? .empty,
        ]
        cells += questionnaire.questions.map { Self.cell($0, response.answers[$0.id]) }
        for scorer in scorers {
            let counts = scorer.ratedAndMet(response.answers)
            cells += [.integer(counts.rated), .integer(counts.met)]
        }
        return cells
    }

    /// An answer as a spreadsheet cell: option labels (several joined with "; "), ISO dates, numbers as numbers.
    static func cell(_ question: Question, _ values: [String]?) -> ExportCell {
        guard let values, !values.isEmpty else { return .empty }
        switch question.kind {
        case .number:
            guard let number = Double(values[0]) else { return .text(values[0]) }
            // Whole numbers as numbers; anything else exactly as answered (one decimal place would round it).
            return number == number.rounded() && abs(number) < 1e15 ? .integer(Int(number)) : .text(values[0])
        case .date:
            return .text(values[0])
        default:
            return .text(AnswerText.lines(for: question, values).joined(separator: "; "))
        }
    }
}
