import Foundation
import GRDB
import SVFormsCore

/// Responses to invited questionnaires that came through the public link: kept out of every figure
/// (the `reported_response` view) until a lead accepts one, or deletes it.
extension ResponseStore {
    /// The responses waiting for a lead, oldest first, with every answer.
    public func waitingLinkResponses(formID: String, limit: Int) async throws -> [WaitingLinkResponse] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT response.id, response.reference, response.form_version, response.submitted_at, link_response.screening
                    FROM link_response JOIN response ON response.id = link_response.response_id
                    WHERE link_response.form_id = ? AND link_response.status = 'waiting'
                    ORDER BY response.submitted_at, response.id LIMIT ?
                    """, arguments: [formID, limit])
            return try rows.map { row in
                let answers = try Row.fetchAll(
                    db, sql: "SELECT question_id, value FROM answer WHERE response_id = ? ORDER BY question_id, position",
                    arguments: [row[0] as Int64])
                return WaitingLinkResponse(
                    reference: row[1], formVersion: row[2], submittedAt: Timestamp.date(row[3]) ?? .distantPast,
                    screening: (row[4] as String?).flatMap(QuarantineReason.init(rawValue:)),
                    answers: Dictionary(grouping: answers, by: { $0[0] as String }).mapValues { $0.map { $0[1] as String } })
            }
        }
    }

    /// How many responses through the public link are waiting, per period of submission.
    public func waitingLinkResponseCounts(formID: String, periods: [DateInterval]) async throws -> [Int] {
        guard !periods.isEmpty else { return [] }
        let (periodTable, periodArguments) = AppDatabase.periodTable(periods)
        var arguments = periodArguments
        arguments += [formID]
        let finalArguments = arguments
        return try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    WITH \(periodTable)
                    SELECT period.idx, count(waiting.submitted_at) FROM period
                    LEFT JOIN (
                        SELECT response.submitted_at FROM link_response JOIN response ON response.id = link_response.response_id
                        WHERE link_response.form_id = ? AND link_response.status = 'waiting'
                    ) AS waiting ON waiting.submitted_at >= period.starts AND waiting.submitted_at < period.ends
                    GROUP BY period.idx ORDER BY period.idx
                    """, arguments: finalArguments
            ).map { $0[1] as Int }
        }
    }

    /// How many responses through the public link are waiting for a lead, in all.
    public func waitingLinkResponseCount(formID: String) async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM link_response WHERE form_id = ? AND status = 'waiting'", arguments: [formID]) ?? 0
        }
    }

    /// A lead's decision on a waiting response, audited in the same transaction. False when no such
    /// response is waiting (already decided, or never there).
    public func decide(
        linkResponse reference: String, formID: String, accept: Bool, by actor: String, client: String?, at now: Date
    ) async throws -> Bool {
        let decided = try await write { db in
            guard
                let id = try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT response.id FROM link_response JOIN response ON response.id = link_response.response_id
                        WHERE response.reference = ? AND link_response.form_id = ? AND link_response.status = 'waiting'
                        """, arguments: [reference, formID])
            else { return false }
            if accept {
                try db.execute(
                    sql: "UPDATE link_response SET status = 'accepted', accepted_at = ?, accepted_by = ? WHERE response_id = ?",
                    arguments: [Timestamp.string(now), actor, id])
            } else {
                try db.execute(sql: "DELETE FROM response WHERE id = ?", arguments: [id])
            }
            try AppDatabase.insert(
                AuditEvent(
                    at: now, actor: actor, action: accept ? "link-response.accept" : "link-response.delete",
                    subject: "\(formID) \(reference)", rowCount: 1, client: client), db)
            return true
        }
        if decided, !accept { await eraseFromJournal() }
        return decided
    }
}

extension AppDatabase {
    static func insert(_ link: NewLinkResponse, responseID: Int64, formID: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO link_response (response_id, form_id, status, screening) VALUES (?, ?, 'waiting', ?)",
            arguments: [responseID, formID, link.screening?.rawValue])
    }
}

/// A response through the public link, as a lead reviews it.
public struct WaitingLinkResponse: Sendable, Equatable {
    public var reference: String
    public var formVersion: Int
    public var submittedAt: Date
    public var screening: QuarantineReason?
    public var answers: Answers
}
