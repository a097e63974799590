import Foundation
import GRDB

extension ReportingQueries {
    /// How many responses to a form were submitted in `period`.
    public func submittedCount(formID: String, in period: DateInterval) async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM reported_response AS response WHERE form_id = ? AND submitted_at >= ? AND submitted_at < ?",
                arguments: [formID, Timestamp.string(period.start), Timestamp.string(period.end)]) ?? 0
        }
    }

    /// How often each value was answered to one question by responses submitted in `period`:
    /// the counts a digest reports, never the answers.
    public func answerCounts(formID: String, questionID: String, in period: DateInterval) async throws -> [String: Int] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT answer.value, count(*) FROM reported_response AS response JOIN answer ON answer.response_id = response.id
                    WHERE response.form_id = ? AND response.submitted_at >= ? AND response.submitted_at < ? AND answer.question_id = ?
                    GROUP BY answer.value
                    """,
                arguments: [formID, Timestamp.string(period.start), Timestamp.string(period.end), questionID])
            return Dictionary(rows.map { ($0[0], $0[1]) }, uniquingKeysWith: +)
        }
    }
}
