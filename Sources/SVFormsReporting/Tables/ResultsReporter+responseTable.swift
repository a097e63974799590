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
        let retired = try await database.reporting.retiredQuestionIDs(
            formID: questionnaire.id, currentVersion: questionnaire.version, current: Set(questionnaire.questions.map(\.id)))
        let columns = ResponseColumns(questionnaire: questionnaire, partnership: catalog.partnership, calendar: calendar, retired: retired)
        try await writer.writeHeader(columns.header)
        let database = self.database
        let formID = questionnaire.id
        let read = { @Sendable (after: Int64) in
            Task { try await database.reporting.responses(formID: formID, after: after, limit: Self.exportBatchSize).filter { $0.id <= lastID } }
        }
        // The next batch is read from SQLite while this one is written out: two cores, two jobs.
        var next = read(0)
        defer { next.cancel() }
        var rows = 0
        while true {
            let batch = try await next.value
            guard let last = batch.last else { break }
            next = read(last.id)
            for response in batch { try await writer.writeRow(columns.cells(response)) }
            rows += batch.count
            progress?(rows)
        }
        try await writer.finish()
        return rows
    }
}
