import Foundation
import GRDB

extension AppDatabase {
    /// Saves one account's choices.
    public func setNotifications(accountID: Int64, submissions: Bool, digest: Bool) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE account SET notify_submissions = ?, notify_digest = ? WHERE id = ?",
                arguments: [submissions, digest, accountID])
        }
    }

    /// Active leads and admins who asked for `kind` (viewers never receive response-level news).
    public func accountsToNotify(_ kind: NotificationKind) async throws -> [Account] {
        try await writer.read { try Self.accountsToNotify(kind, $0) }
    }

    static func accountsToNotify(_ kind: NotificationKind, _ db: Database) throws -> [Account] {
        let column = kind == .submissions ? "notify_submissions" : "notify_digest"
        return try AccountRecord.filter(sql: "\(column) = 1 AND disabled_at IS NULL AND role IN ('admin', 'lead')")
            .order(AccountRecord.Columns.email).fetchAll(db).map(\.account)
    }

    /// Runs a scheduled job at most once ever, whatever restarts happen: claims `name` and queues the
    /// job's mail in one transaction. False when the job had already run.
    @discardableResult
    public func queueOnce(job name: String, at now: Date, _ messages: @escaping @Sendable () throws -> [OutboxMessage]) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO job_run (name, ran_at) VALUES (?, ?)", arguments: [name, Timestamp.string(now)])
            guard db.changesCount == 1 else { return false }
            try Self.enqueue(try messages(), at: now, db)
            return true
        }
    }

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
