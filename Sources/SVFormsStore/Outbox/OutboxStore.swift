import Foundation
import GRDB

extension OutboxStore {
    /// How long undelivered mail is retried before it is marked failed.
    public static let undeliveredMailLifetime: TimeInterval = 5 * 86_400

    /// How long a failed message keeps its content for an admin's retry. It may hold a personal
    /// link or a person's answers, so it is not kept for ever.
    public static let failedMailContentLifetime: TimeInterval = 30 * 86_400

    /// Queues messages on their own (events that cause mail queue it inside their own transaction).
    public func enqueue(_ messages: [OutboxMessage], at now: Date) async throws {
        try await write { db in try AppDatabase.enqueue(messages, at: now, db) }
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

    /// The server accepted the message: only now is it marked sent. Its content (a personal
    /// link, someone's answers) is dropped; the mail page needs only the subject and recipient.
    /// (The delivery worker erases the dropped content from the journal once per round of sends.)
    public func markSent(_ id: Int64, attempts: Int, at now: Date) async throws {
        try await updateOutbox(id) {
            $0.status = "sent"
            $0.attempts = attempts
            $0.sentAt = Timestamp.string(now)
            $0.lastError = nil
            $0.message = Data()
        }
    }

    /// A transient failure: try again at `next`.
    public func markForRetry(_ id: Int64, attempts: Int, next: Date, error: String) async throws {
        try await updateOutbox(id) {
            $0.attempts = attempts
            $0.nextAttemptAt = Timestamp.string(next)
            $0.lastError = error
        }
    }

    /// A permanent failure, or a transient one after the message expired: the row stays for admins to see and retry.
    public func markFailed(_ id: Int64, attempts: Int, error: String) async throws {
        try await updateOutbox(id) {
            $0.status = "failed"
            $0.attempts = attempts
            $0.lastError = error
        }
    }

    /// An admin's retry: the failed message is queued again at once, with a fresh five days.
    /// False if it was not failed or its content is no longer kept.
    public func retryFailedMail(_ id: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            guard let record = try OutboxRecord.fetchOne(db, key: id) else { return false }
            return try AppDatabase.requeue(record, at: now, db)
        }
    }

    /// Retries every failed message that still has its content; returns how many.
    public func retryAllFailedMail(at now: Date) async throws -> Int {
        try await write { db in
            let failed = try OutboxRecord.filter(OutboxRecord.Columns.status == OutboxItem.Status.failed.rawValue).fetchAll(db)
            return try failed.filter { try AppDatabase.requeue($0, at: now, db) }.count
        }
    }

    /// Drops the content of failed messages queued before `cutoff`; returns how many.
    public func dropFailedMailContent(queuedBefore cutoff: Date) async throws -> Int {
        let dropped = try await write { db in
            try OutboxRecord
                .filter(
                    OutboxRecord.Columns.status == OutboxItem.Status.failed.rawValue
                        && OutboxRecord.Columns.createdAt < Timestamp.string(cutoff) && length(OutboxRecord.Columns.message) > 0
                )
                .updateAll(db, OutboxRecord.Columns.message.set(to: Data()))
        }
        if dropped > 0 { await eraseFromJournal() }
        return dropped
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

extension AppDatabase {
    static func enqueue(_ messages: [OutboxMessage], at now: Date, _ db: Database) throws {
        for message in messages {
            var record = OutboxRecord(message, at: now)
            try record.insert(db)
        }
    }

    fileprivate static func requeue(_ failed: OutboxRecord, at now: Date, _ db: Database) throws -> Bool {
        guard failed.status == OutboxItem.Status.failed.rawValue, !failed.message.isEmpty else { return false }
        var record = failed
        record.status = OutboxItem.Status.queued.rawValue
        record.attempts = 0
        record.nextAttemptAt = Timestamp.string(now)
        record.expiresAt = Timestamp.string(now.addingTimeInterval(OutboxStore.undeliveredMailLifetime))
        try record.update(db)
        return true
    }
}

extension OutboxStore {
    /// Runs a scheduled job at most once ever, whatever restarts happen: claims `name` and queues the
    /// job's mail in one transaction. False when the job had already run.
    @discardableResult
    public func queueOnce(job name: String, at now: Date, _ messages: @escaping @Sendable () throws -> [OutboxMessage]) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO job_run (name, ran_at) VALUES (?, ?)", arguments: [name, Timestamp.string(now)])
            guard db.changesCount == 1 else { return false }
            try AppDatabase.enqueue(try messages(), at: now, db)
            return true
        }
    }
}
