import Foundation
import GRDB

extension AppDatabase {
    /// Queues messages on their own (events that cause mail queue it inside their own transaction).
    public func enqueue(_ messages: [OutboxMessage], at now: Date) async throws {
        try await write { db in try Self.enqueue(messages, at: now, db) }
    }

    static func enqueue(_ messages: [OutboxMessage], at now: Date, _ db: Database) throws {
        for message in messages {
            var record = OutboxRecord(message, at: now)
            try record.insert(db)
        }
    }

    /// Queued mail whose next attempt is due, oldest first.
    public func dueMail(at now: Date, limit: Int) async throws -> [OutboxItem] {
        let time = Timestamp.string(now)
        return try await writer.read { db in
            try OutboxRecord
                .filter(OutboxRecord.Columns.status == OutboxItem.Status.queued.rawValue && OutboxRecord.Columns.nextAttemptAt <= time)
                .order(OutboxRecord.Columns.nextAttemptAt, OutboxRecord.Columns.id).limit(limit).fetchAll(db).map(\.item)
        }
    }

    /// The server accepted the message: only now is it marked sent.
    public func markSent(_ id: Int64, attempts: Int, at now: Date) async throws {
        try await updateOutbox(id) { $0.status = "sent"; $0.attempts = attempts; $0.sentAt = Timestamp.string(now); $0.lastError = nil }
    }

    /// A transient failure: try again at `next`.
    public func markForRetry(_ id: Int64, attempts: Int, next: Date, error: String) async throws {
        try await updateOutbox(id) { $0.attempts = attempts; $0.nextAttemptAt = Timestamp.string(next); $0.lastError = error }
    }

    /// A permanent failure, or the last attempt failed: the row stays for admins to see and retry.
    public func markFailed(_ id: Int64, attempts: Int, error: String) async throws {
        try await updateOutbox(id) { $0.status = "failed"; $0.attempts = attempts; $0.lastError = error }
    }

    /// An admin's retry: the failed message is queued again at once. False if it was not failed.
    public func retryFailedMail(_ id: Int64, at now: Date) async throws -> Bool {
        let time = Timestamp.string(now)
        return try await write { db in
            guard var record = try OutboxRecord.fetchOne(db, key: id), record.status == "failed" else { return false }
            record.status = "queued"
            record.nextAttemptAt = time
            try record.update(db)
            return true
        }
    }

    /// Mail for the admin page, newest first, optionally of one status.
    public func mail(status: OutboxItem.Status?, limit: Int, offset: Int) async throws -> [OutboxItem] {
        try await writer.read { db in
            var request = OutboxRecord.order(OutboxRecord.Columns.id.desc)
            if let status { request = request.filter(OutboxRecord.Columns.status == status.rawValue) }
            return try request.limit(limit, offset: offset).fetchAll(db).map(\.item)
        }
    }

    /// How many messages are in each status.
    public func mailCounts() async throws -> [OutboxItem.Status: Int] {
        try await writer.read { db in
            var counts: [OutboxItem.Status: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) FROM outbox GROUP BY status") {
                if let status = OutboxItem.Status(rawValue: row[0]) { counts[status] = row[1] }
            }
            return counts
        }
    }

    private func updateOutbox(_ id: Int64, _ change: @escaping @Sendable (inout OutboxRecord) -> Void) async throws {
        try await write { db in
            guard var record = try OutboxRecord.fetchOne(db, key: id) else { return }
            change(&record)
            try record.update(db)
        }
    }
}
