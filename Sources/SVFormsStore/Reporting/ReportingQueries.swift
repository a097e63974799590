import Foundation
import GRDB
import SVFormsCore

extension ReportingQueries {
    /// Counts ratings per period, organisation, question and value in SQLite, without loading responses.
    /// `periods` are half-open instants (a quarter's first instant up to the next quarter's). Whole UTC
    /// months come from the rating tally (brought up to date first); the edges of each period, and anything
    /// the tally does not hold yet, are counted from the answers themselves, in the same snapshot.
    public func ratingCounts(
        formID: String, questionIDs: [String], organisationQuestionID: String?, periods: [DateInterval]
    ) async throws -> [RatingCount] {
        guard !questionIDs.isEmpty, !periods.isEmpty else { return [] }
        let source = TallySource(questionIDs: questionIDs, organisationQuestionID: organisationQuestionID)
        let isBehind = try await writer.read { db in
            try AppDatabase.tallyCountedThrough(formID: formID, source, db) != AppDatabase.lastResponseID(db)
        }
        // The one write a page view makes: the tally is a cache, so when storage refuses the write (disk
        // full, read-only) the counts below come from the answers instead, exact and only slower.
        if isBehind {
            do { try await refreshRatingTally(formID: formID, source) } catch is StorageUnavailable {}
        }
        return try await writer.read { db in
            var counts: [RatingCount.Key: Int] = [:]
            let countedThrough = try AppDatabase.tallyCountedThrough(formID: formID, source, db) ?? 0
            let splits = periods.map(MonthSplit.init)
            try AppDatabase.addTallied(formID: formID, source, months: splits, countedThrough: countedThrough > 0, into: &counts, db)
            // Slivers between each period and its months, from responses the tally holds; every period
            // from responses it does not hold yet.
            if countedThrough > 0 {
                let added = splits.enumerated().flatMap { index, split in split.added.map { (index, $0) } }
                let subtracted = splits.enumerated().flatMap { index, split in split.subtracted.map { (index, $0) } }
                try AppDatabase.addCounted(formID: formID, source, added, ids: 0...countedThrough, into: &counts, db)
                try AppDatabase.addCounted(formID: formID, source, subtracted, ids: 0...countedThrough, sign: -1, into: &counts, db)
            }
            try AppDatabase.addCounted(
                formID: formID, source, periods.enumerated().map { ($0.offset, $0.element) }, ids: (countedThrough + 1)...Int64.max,
                walkingIDs: countedThrough > 0, into: &counts, db)
            return counts.filter { $0.value != 0 }.map {
                RatingCount(period: $0.period, organisationID: $0.organisationID, questionID: $0.questionID, value: $0.value, count: $1)
            }
        }
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
        try await countOverPeriods(
            periods, [formID],
            """
            SELECT period.idx, count(\(table).form_id) FROM period
            LEFT JOIN \(table) ON \(table).form_id = ?
                AND \(table).\(time) >= period.starts AND \(table).\(time) < period.ends
            GROUP BY period.idx ORDER BY period.idx
            """
        ) { $0[1] as Int }
    }

    /// Runs a counting query over `periods` (joined as the table `period`), with `arguments` after the
    /// bounds, turning each row into a value inside the read (rows cannot leave it).
    func countOverPeriods<T: Sendable>(
        _ periods: [DateInterval], _ arguments: StatementArguments, _ query: String, _ value: @escaping @Sendable (Row) -> T
    ) async throws -> [T] {
        guard !periods.isEmpty else { return [] }
        let (periodTable, periodArguments) = AppDatabase.periodTable(periods)
        let sql = "WITH \(periodTable)\n" + query
        let finalArguments = periodArguments + arguments
        return try await writer.read { db in try Row.fetchAll(db, sql: sql, arguments: finalArguments).map(value) }
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
}

extension AppDatabase {
    fileprivate static func addTallied(
        formID: String, _ source: ReportingQueries.TallySource, months splits: [MonthSplit], countedThrough: Bool,
        into counts: inout [RatingCount.Key: Int],
        _ db: Database
    ) throws {
        let periodOfMonth = Dictionary(splits.enumerated().flatMap { index, split in split.months.map { ($0, index) } }) { first, _ in first }
        guard countedThrough, let first = periodOfMonth.keys.min(), let last = periodOfMonth.keys.max() else { return }
        var arguments: StatementArguments = [formID, first, last]
        arguments += StatementArguments(source.questionIDs)
        let marks = Array(repeating: "?", count: source.questionIDs.count).joined(separator: ", ")
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT month, organisation_id, question_id, value, count FROM rating_tally
                WHERE form_id = ? AND month BETWEEN ? AND ? AND question_id IN (\(marks))
                """, arguments: arguments)
        while let row = try rows.next() {
            guard let period = periodOfMonth[row[0]] else { continue }
            let organisation: String = row[1]
            let key = RatingCount.Key(period: period, organisationID: organisation.isEmpty ? nil : organisation, questionID: row[2], value: row[3])
            counts[key, default: 0] += row[4]
        }
    }

    /// Counts ratings straight from the answers of responses with ids in `ids`, in the given (period index, interval)
    /// pairs, and adds them to `counts` (or takes them away, with `sign` -1).
    fileprivate static func addCounted(
        formID: String, _ source: ReportingQueries.TallySource, _ periods: [(Int, DateInterval)], ids: ClosedRange<Int64>, sign: Int = 1,
        walkingIDs: Bool = false, into counts: inout [RatingCount.Key: Int], _ db: Database
    ) throws {
        guard !periods.isEmpty else { return }
        let (periodTable, periodArguments) = periodTable(periods)
        var arguments = periodArguments
        arguments += StatementArguments(source.questionIDs)
        arguments += [source.organisationQuestionID, formID, ids.lowerBound, ids.upperBound]
        let sql = ratingCountsSQL(periodTable: periodTable, questionCount: source.questionIDs.count, walkingIDs: walkingIDs)
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            let key = RatingCount.Key(period: row[0], organisationID: row[1], questionID: row[2], value: row[3])
            counts[key, default: 0] += sign * (row[4] as Int)
        }
    }

    /// The rating count query: arguments are the period bounds, the question ids, the organisation
    /// question id, the form id and the lowest and highest response id to count. It finds responses through
    /// the form's index by time, or, `walkingIDs`, by walking the table from the lowest id: the responses
    /// the tally does not hold yet are the newest few, while the index would visit every one in the periods.
    static func ratingCountsSQL(periodTable: String, questionCount: Int, walkingIDs: Bool = false) -> String {
        let questionMarks = Array(repeating: "?", count: questionCount).joined(separator: ", ")
        // CROSS JOIN fixes the order SQLite joins in, and `+` keeps it off the form's index.
        let join = walkingIDs ? "CROSS JOIN" : "JOIN"
        return """
            WITH \(periodTable)
            SELECT period.idx, organisation.value, rating.question_id, rating.value, count(*)
            FROM reported_response AS response
            \(join) period ON response.submitted_at >= period.starts AND response.submitted_at < period.ends
            \(join) answer AS rating ON rating.response_id = response.id AND rating.question_id IN (\(questionMarks))
            LEFT JOIN answer AS organisation
                ON organisation.response_id = response.id AND organisation.question_id = ? AND organisation.position = 0
            WHERE \(walkingIDs ? "+" : "")response.form_id = ? AND response.id BETWEEN ? AND ?
            GROUP BY period.idx, organisation.value, rating.question_id, rating.value
            """
    }

    /// `period(idx, starts, ends) AS (VALUES (0, ?, ?), …)` and its arguments: the reporting periods as a
    /// table SQLite can join against, with bounds in the same sortable text as `submitted_at`.
    static func periodTable(_ periods: [DateInterval]) -> (String, StatementArguments) {
        periodTable(periods.enumerated().map { ($0.offset, $0.element) })
    }

    /// The same, for (index, interval) pairs: several intervals may share an index.
    static func periodTable(_ periods: [(Int, DateInterval)]) -> (String, StatementArguments) {
        let rows = periods.map { "(\($0.0), ?, ?)" }.joined(separator: ", ")
        let bounds = periods.flatMap { [Timestamp.string($0.1.start), Timestamp.string($0.1.end)] }
        return ("period(idx, starts, ends) AS (VALUES \(rows))", StatementArguments(bounds))
    }
}
