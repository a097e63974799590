import Foundation
import GRDB
import SVFormsCore

extension AppDatabase {
    /// Counts ratings per period, organisation, question and value in SQLite, without loading responses.
    /// `periods` are half-open instants (a quarter's first instant up to the next quarter's).
    public func ratingCounts(
        formID: String, questionIDs: [String], organisationQuestionID: String?, periods: [DateInterval]
    ) async throws -> [RatingCount] {
        guard !questionIDs.isEmpty, !periods.isEmpty else { return [] }
        let (periodTable, periodArguments) = Self.periodTable(periods)
        let sql = Self.ratingCountsSQL(periodTable: periodTable, questionCount: questionIDs.count)
        var arguments = periodArguments
        arguments += StatementArguments(questionIDs)
        arguments += [organisationQuestionID, formID]
        let finalArguments = arguments
        return try await writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: finalArguments).map { row in
                RatingCount(period: row[0], organisationID: row[1], questionID: row[2], value: row[3], count: row[4])
            }
        }
    }

    /// The rating count query: arguments are the period bounds, the question ids, the organisation
    /// question id and the form id.
    static func ratingCountsSQL(periodTable: String, questionCount: Int) -> String {
        let questionMarks = Array(repeating: "?", count: questionCount).joined(separator: ", ")
        return """
            WITH \(periodTable)
            SELECT period.idx, organisation.value, rating.question_id, rating.value, count(*)
            FROM reported_response AS response
            JOIN period ON response.submitted_at >= period.starts AND response.submitted_at < period.ends
            JOIN answer AS rating ON rating.response_id = response.id AND rating.question_id IN (\(questionMarks))
            LEFT JOIN answer AS organisation
                ON organisation.response_id = response.id AND organisation.question_id = ? AND organisation.position = 0
            WHERE response.form_id = ?
            GROUP BY period.idx, organisation.value, rating.question_id, rating.value
            """
    }

    /// Submitted responses per period.
    public func responseCounts(formID: String, periods: [DateInterval]) async throws -> [Int] {
        try await rowCounts(table: "reported_response", time: "submitted_at", formID: formID, periods: periods)
    }

    /// Answers in progress per period of their last change.
    public func draftCounts(formID: String, periods: [DateInterval]) async throws -> [Int] {
        try await rowCounts(table: "draft", time: "updated_at", formID: formID, periods: periods)
    }

    /// Rows of `table` for the form whose `time` column falls in each period (names are ours, never input).
    private func rowCounts(table: String, time: String, formID: String, periods: [DateInterval]) async throws -> [Int] {
        guard !periods.isEmpty else { return [] }
        let (periodTable, periodArguments) = Self.periodTable(periods)
        let sql = """
            WITH \(periodTable)
            SELECT period.idx, count(\(table).form_id) FROM period
            LEFT JOIN \(table) ON \(table).form_id = ?
                AND \(table).\(time) >= period.starts AND \(table).\(time) < period.ends
            GROUP BY period.idx ORDER BY period.idx
            """
        var arguments = periodArguments
        arguments += [formID]
        let finalArguments = arguments
        return try await writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: finalArguments).map { $0[1] as Int }
        }
    }

    /// When the first response to the form was submitted, if any was.
    public func firstSubmission(formID: String) async throws -> Date? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT min(submitted_at) FROM reported_response AS response WHERE form_id = ?", arguments: [formID])
                .flatMap(Timestamp.date)
        }
    }

    /// Answers in progress for the form.
    public func draftCount(formID: String) async throws -> Int {
        try await writer.read { try DraftRecord.filter(DraftRecord.Columns.formID == formID).fetchCount($0) }
    }

    /// `period(idx, starts, ends) AS (VALUES (0, ?, ?), …)` and its arguments: the reporting periods as a
    /// table SQLite can join against, with bounds in the same sortable text as `submitted_at`.
    static func periodTable(_ periods: [DateInterval]) -> (String, StatementArguments) {
        let rows = periods.indices.map { "(\($0), ?, ?)" }.joined(separator: ", ")
        let bounds = periods.flatMap { [Timestamp.string($0.start), Timestamp.string($0.end)] }
        return ("period(idx, starts, ends) AS (VALUES \(rows))", StatementArguments(bounds))
    }
}
