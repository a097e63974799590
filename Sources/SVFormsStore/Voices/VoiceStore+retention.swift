import Foundation
import GRDB

extension VoiceStore {
    /// Deletes `part` (the answers to `questionIDs`) of every voice to the form submitted before
    /// `cutoff`, marks those voices, and records in the audit log how many, in one transaction.
    /// Area, themes and ratings stay, so counts already reported for past quarters do not change.
    @discardableResult
    public func applyRetention(
        formID: String, part: RetainedPart, questionIDs: [String], submittedBefore cutoff: Date, at now: Date
    ) async throws -> Int {
        let column = part.deletedColumn
        let deleted = try await write { db in
            let due = try Int64.fetchAll(
                db,
                sql: """
                    SELECT voice.response_id FROM voice JOIN response ON response.id = voice.response_id
                    WHERE voice.form_id = ? AND voice.\(column) IS NULL AND response.submitted_at < ?
                    """, arguments: [formID, Timestamp.string(cutoff)])
            guard !due.isEmpty else { return 0 }
            for ids in due.chunked(500) {
                let marks = ids.map { _ in "?" }.joined(separator: ", ")
                if !questionIDs.isEmpty {
                    var arguments = StatementArguments(ids)
                    arguments += StatementArguments(questionIDs)
                    try db.execute(
                        sql:
                            "DELETE FROM answer WHERE response_id IN (\(marks)) AND question_id IN (\(questionIDs.map { _ in "?" }.joined(separator: ", ")))",
                        arguments: arguments)
                }
                var arguments: StatementArguments = [Timestamp.string(now)]
                arguments += StatementArguments(ids)
                try db.execute(sql: "UPDATE voice SET \(column) = ? WHERE response_id IN (\(marks))", arguments: arguments)
            }
            try AppDatabase.insert(
                AuditEvent(
                    at: now, actor: "retention", action: "retention.\(part.rawValue)", subject: formID, rowCount: due.count), db)
            return due.count
        }
        if deleted > 0 { await eraseFromJournal() }
        return deleted
    }

    /// What retention has deleted of `part`, and what it will delete next when it is kept for `days`.
    public func retentionOutlook(formID: String, part: RetainedPart, keptFor days: Int, now: Date) async throws -> RetentionOutlook {
        let column = part.deletedColumn
        let keep = TimeInterval(days) * 86_400
        return try await writer.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT sum(voice.\(column) IS NOT NULL),
                        min(CASE WHEN voice.\(column) IS NULL THEN response.submitted_at END),
                        sum(voice.\(column) IS NULL AND response.submitted_at < ?)
                    FROM voice JOIN response ON response.id = voice.response_id WHERE voice.form_id = ?
                    """, arguments: [Timestamp.string(now.addingTimeInterval(30 * 86_400 - keep)), formID])
            return RetentionOutlook(
                alreadyDeleted: row?[0] ?? 0,
                nextDue: (row?[1] as String?).flatMap(Timestamp.date).map { $0.addingTimeInterval(keep) },
                dueWithin30Days: row?[2] ?? 0)
        }
    }
}

extension Array {
    /// The array in pieces of at most `size`, to stay under SQLite's limit on bound values.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
