import Foundation
import GRDB

/// Deleted means gone from the write-ahead log too. `secure_delete` overwrites deleted text in the
/// database file, but every earlier version of a changed page stays in `svforms.sqlite-wal` until the
/// log is checkpointed and restarted, so after anything that erases words (a redaction, a deletion, a
/// retention run, sent mail's content dropped) the log is folded into the file and truncated to nothing.
extension SharedWriter {
    /// How long the checkpoint waits for readers before trying again later: short, as every write waits too.
    static let journalEraseWait = 200
    /// Retries while readers (a long download, say) hold an old snapshot: 1 s, doubling, about an hour in all.
    static let journalEraseRetries = 12

    /// Folds the write-ahead log into the database file and truncates it. Returns true when the log is
    /// empty; when readers are in the way, tries again in the background and returns false (and
    /// `journalErasePending` stays true until an attempt succeeds; housekeeping tries again hourly).
    @discardableResult
    func eraseFromJournal() async -> Bool {
        if await truncateJournal() { return true }
        Task.detached { [self] in
            var delay: UInt64 = 1_000_000_000
            for _ in 0..<Self.journalEraseRetries {
                try? await Task.sleep(nanoseconds: delay)
                guard journalErasePending else { return }  // a later erasure already emptied it
                if await truncateJournal() { return }
                delay = min(delay * 2, 600_000_000_000)
            }
        }
        return false
    }

    /// True while words deleted since the last successful erasure may still be in the write-ahead log.
    var journalErasePending: Bool { erasure.value }

    /// One `wal_checkpoint(TRUNCATE)`, waiting at most `journalEraseWait` ms for readers.
    private func truncateJournal() async -> Bool {
        do {
            return try await pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA busy_timeout = \(Self.journalEraseWait)")
                defer { try? db.execute(sql: "PRAGMA busy_timeout = \(AppDatabase.busyTimeoutMilliseconds)") }
                try db.checkpoint(.truncate)
                erasure.set(false)
                return true
            }
        } catch {
            erasure.set(true)
            return false
        }
    }

    /// The size of the write-ahead log file, in bytes.
    func journalSize() -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: pool.path + "-wal")
        return (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }
}

extension Store {
    /// After words are deleted: see `SharedWriter.eraseFromJournal`.
    @discardableResult
    func eraseFromJournal() async -> Bool { await shared.eraseFromJournal() }
}

extension AppDatabase {
    /// Folds the write-ahead log into the file and truncates it (housekeeping retries a pending erasure).
    @discardableResult
    public func eraseFromJournal() async -> Bool { await shared.eraseFromJournal() }

    /// True while words deleted since the last successful erasure may still be in the write-ahead log.
    public var journalErasePending: Bool { shared.journalErasePending }

    /// The size of the write-ahead log file, in bytes (for tests and the start-up log).
    public func journalSize() -> Int { shared.journalSize() }
}

/// A Boolean shared between tasks and the writer's queue.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false

    var value: Bool { lock.withLock { flag } }

    func set(_ value: Bool) { lock.withLock { flag = value } }
}
