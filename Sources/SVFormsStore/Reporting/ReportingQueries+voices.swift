import Foundation
import GRDB

extension ReportingQueries {
    /// Voices per period, area and theme (released ones only), counted in SQLite.
    public func voiceThemeCounts(
        formID: String, areaQuestionID: String, periods: [DateInterval]
    ) async throws -> [(period: Int, area: String, theme: String, count: Int)] {
        try await countOverPeriods(
            periods, [areaQuestionID, formID],
            """
            SELECT period.idx, area.value, voice_theme.theme, count(*)
            FROM reported_response AS response
            JOIN period ON response.submitted_at >= period.starts AND response.submitted_at < period.ends
            JOIN voice_theme ON voice_theme.response_id = response.id
            JOIN answer AS area ON area.response_id = response.id AND area.question_id = ? AND area.position = 0
            WHERE response.form_id = ?
            GROUP BY period.idx, area.value, voice_theme.theme
            """
        ) { (period: $0[0], area: $0[1], theme: $0[2], count: $0[3]) }
    }

    /// How often each value was answered to one question, per period (released responses only):
    /// voices per area, and the distribution of a rating.
    public func answerCounts(
        formID: String, questionID: String, periods: [DateInterval]
    ) async throws -> [(period: Int, value: String, count: Int)] {
        try await countOverPeriods(
            periods, [questionID, formID],
            """
            SELECT period.idx, answer.value, count(*)
            FROM reported_response AS response
            JOIN period ON response.submitted_at >= period.starts AND response.submitted_at < period.ends
            JOIN answer ON answer.response_id = response.id AND answer.question_id = ?
            WHERE response.form_id = ?
            GROUP BY period.idx, answer.value
            """
        ) { (period: $0[0], value: $0[1], count: $0[2]) }
    }

    /// Voices waiting in quarantine for a lead.
    public func quarantinedCount(formID: String) async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM voice WHERE form_id = ? AND status = 'quarantined'", arguments: [formID]) ?? 0
        }
    }
}
