import Foundation
import GRDB

/// Ratings counted ahead, per UTC calendar month, so scoring reads a few thousand rows instead of
/// a million answers. The tally is a cache of `answer`: each form's `rating_tally_source` row says which
/// questions it counts and up to which response id. Any change to stored responses, answers or voice
/// statuses deletes that row (the triggers below), and the next report rebuilds the form's tally from
/// `answer`; new submissions are added on the next report. Counting is exact whatever state the tally
/// is in (`ReportingQueries.ratingCounts`), so a stale or missing tally costs time, never correctness.
extension ReportingQueries {
    /// What a form's tally counts: the rated questions and the question naming the organisation.
    struct TallySource: Equatable {
        let questionIDs: [String]
        let organisationQuestionID: String?

        var questions: String { questionIDs.sorted().joined(separator: "\n") + "\n@" + (organisationQuestionID ?? "") }
    }

    /// Brings the form's tally up to its latest response: adds what is new, or rebuilds it when it
    /// counted other questions or was forgotten.
    func refreshRatingTally(formID: String, _ source: TallySource) async throws {
        try await write { db in
            let last = try AppDatabase.lastResponseID(db)
            let countedThrough = try AppDatabase.tallyCountedThrough(formID: formID, source, db)
            if countedThrough == last { return }
            if countedThrough == nil {
                try db.execute(sql: "DELETE FROM rating_tally WHERE form_id = ?", arguments: [formID])
            }
            var arguments: StatementArguments = [source.organisationQuestionID, formID, countedThrough ?? 0, last]
            arguments += StatementArguments(source.questionIDs)
            let marks = Array(repeating: "?", count: source.questionIDs.count).joined(separator: ", ")
            try db.execute(
                sql: """
                    INSERT INTO rating_tally (form_id, question_id, month, organisation_id, value, count)
                    SELECT response.form_id, rating.question_id, substr(response.submitted_at, 1, 7),
                        coalesce(organisation.value, ''), rating.value, count(*)
                    FROM reported_response AS response
                    LEFT JOIN answer AS organisation
                        ON organisation.response_id = response.id AND organisation.question_id = ? AND organisation.position = 0
                    JOIN answer AS rating ON rating.response_id = response.id
                    WHERE +response.form_id = ? AND response.id > ? AND response.id <= ? AND rating.question_id IN (\(marks))
                    GROUP BY 1, 2, 3, 4, 5
                    ON CONFLICT (form_id, question_id, month, organisation_id, value) DO UPDATE SET count = count + excluded.count
                    """, arguments: arguments)
            try db.execute(
                sql: """
                    INSERT INTO rating_tally_source (form_id, questions, counted_through) VALUES (?, ?, ?)
                    ON CONFLICT (form_id) DO UPDATE SET questions = excluded.questions, counted_through = excluded.counted_through
                    """, arguments: [formID, source.questions, last])
        }
    }
}

extension AppDatabase {
    /// The response id the form's tally counts through, when it counts these questions.
    static func tallyCountedThrough(formID: String, _ source: ReportingQueries.TallySource, _ db: Database) throws -> Int64? {
        let row = try Row.fetchOne(db, sql: "SELECT questions, counted_through FROM rating_tally_source WHERE form_id = ?", arguments: [formID])
        guard let row, row["questions"] == source.questions else { return nil }
        return row["counted_through"]
    }

    /// The highest response id of any form: read from the end of the table's b-tree, where the highest of
    /// one form would scan that form's index. A tally counts through it, whichever form it belongs to.
    static func lastResponseID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(id) FROM response") ?? 0
    }
}

/// A reporting period as the tally can serve it: the UTC months whose middle falls in the period, with the
/// slivers where the period and those months differ (an hour or so at each end when quarters start at local
/// midnight) to add or take away, counted from the answers themselves.
struct MonthSplit: Equatable {
    private(set) var months: [String] = []
    private(set) var added: [DateInterval] = []
    private(set) var subtracted: [DateInterval] = []

    fileprivate static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    init(_ period: DateInterval) {
        let calendar = Self.utc
        var month = calendar.dateInterval(of: .month, for: period.start)!
        var covered: DateInterval?
        while month.start < period.end {
            let middle = month.start.addingTimeInterval(month.duration / 2)
            if period.start <= middle && middle < period.end {
                let parts = calendar.dateComponents([.year, .month], from: month.start)
                months.append(String(format: "%04d-%02d", parts.year!, parts.month!))
                covered = DateInterval(start: covered?.start ?? month.start, end: month.end)
            }
            month = calendar.dateInterval(of: .month, for: month.end)!
        }
        guard let covered else {
            added = [period]
            return
        }
        Self.difference(from: covered.start, to: period.start, added: &subtracted, subtracted: &added)
        Self.difference(from: covered.end, to: period.end, added: &added, subtracted: &subtracted)
    }

    /// Moving a bound from `from` to `to` adds the instants between when it moves later, and removes them when it moves earlier.
    fileprivate static func difference(from: Date, to: Date, added: inout [DateInterval], subtracted: inout [DateInterval]) {
        if from < to { added.append(DateInterval(start: from, end: to)) } else if to < from { subtracted.append(DateInterval(start: to, end: from)) }
    }
}
