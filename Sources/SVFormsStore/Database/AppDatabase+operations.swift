import Foundation
import GRDB

/// What `/readyz` reports about the outbox.
public struct MailQueueHealth: Sendable, Equatable {
    /// Messages waiting to be sent (due now or later).
    public let waiting: Int
    /// Messages whose time to be sent passed longer ago than the allowed lag.
    public let overdue: Int
    /// When the most overdue of them was due.
    public let oldestDue: Date?

    public init(waiting: Int, overdue: Int, oldestDue: Date?) {
        self.waiting = waiting
        self.overdue = overdue
        self.oldestDue = oldestDue
    }
}

extension AppDatabase {
    /// Rewrites the readiness row in a committed transaction: fails (as `StorageUnavailable`)
    /// when the disk is full or the file read-only, which reading alone would never show.
    public func probeWrite(at now: Date) async throws {
        let time = Timestamp.string(now)
        try await write { db in
            try db.execute(
                sql: "INSERT INTO readiness_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
                arguments: [time])
        }
    }

    /// How far the mail worker is behind: a message still queued `allowedLag` after it fell due
    /// means the worker is not running (a mail server that refuses it moves its next attempt on).
    public func mailQueueHealth(at now: Date, allowedLag: TimeInterval) async throws -> MailQueueHealth {
        let cutoff = Timestamp.string(now.addingTimeInterval(-allowedLag))
        return try await writer.read { db in
            let waiting = try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE status = 'queued'") ?? 0
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS overdue, min(next_attempt_at) AS oldest FROM outbox
                    WHERE status = 'queued' AND next_attempt_at < ?
                    """, arguments: [cutoff])
            let oldest: String? = row?["oldest"]
            return MailQueueHealth(waiting: waiting, overdue: row?["overdue"] ?? 0, oldestDue: oldest.flatMap(Timestamp.date))
        }
    }

    /// At shutdown, after every request and worker has finished: folds the write-ahead log into
    /// the database file and closes every connection, so the data directory is left as one file.
    public func checkpointAndClose() throws {
        try writer.writeWithoutTransaction { _ = try String.fetchAll($0, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try writer.close()
    }
}
