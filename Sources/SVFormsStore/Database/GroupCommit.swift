import Foundation
import GRDB

/// Shares one durable commit among every write that is waiting when the writer comes free.
///
/// With `synchronous=FULL` each COMMIT costs an fsync of the write-ahead log, which caps one-write-per-
/// transaction at the disk's fsync rate. Here the first write starts a batch at once; writes that arrive
/// while a batch is being made durable form the next one, so a quiet server commits each write alone and a
/// busy one commits dozens together. Each write runs in its own savepoint: one that throws is rolled back on
/// its own and gets its error, the others still commit. Nobody is answered before their batch's COMMIT has
/// returned, so an acknowledged write is as durable as before.
final class GroupCommit: @unchecked Sendable {
    private struct PendingWrite {
        /// Runs the write inside the batch; returns how to answer its caller once the batch is durable.
        let run: (Database) throws -> @Sendable () -> Void
        let fail: @Sendable (Error) -> Void
    }

    private let writer: DatabasePool
    private let translate: @Sendable (Error) -> Error
    private let lock = NSLock()
    private var pending: [PendingWrite] = []
    private var batchScheduled = false

    /// More than this waits for the next batch, so one batch never holds the writer for long.
    static let largestBatch = 256

    /// `translate` maps a failure to what callers should see (environmental failures become `StorageUnavailable`).
    init(writer: DatabasePool, translate: @escaping @Sendable (Error) -> Error) {
        self.writer = writer
        self.translate = translate
    }

    /// Runs `updates` in the next batch and returns its result once that batch has committed.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            enqueue(
                PendingWrite(
                    run: { db in
                        let value = try updates(db)
                        return { continuation.resume(returning: value) }
                    },
                    fail: { continuation.resume(throwing: $0) }))
        }
    }

    /// Writes waiting for a batch to take them (for tests).
    var waitingCount: Int { lock.withLock { pending.count } }

    private func enqueue(_ write: PendingWrite) {
        let startBatch = lock.withLock {
            pending.append(write)
            defer { batchScheduled = true }
            return !batchScheduled
        }
        if startBatch { scheduleBatch() }
    }

    /// The batch runs on the writer's own queue, never inside a caller's task: GRDB interrupts a write whose
    /// awaiting task is cancelled, and one request going away must not roll back everyone else's answers.
    private func scheduleBatch() {
        writer.asyncWriteWithoutTransaction { db in self.runBatch(db) }
    }

    private func runBatch(_ db: Database) {
        let batch = lock.withLock {
            let taken = Array(pending.prefix(Self.largestBatch))
            pending.removeFirst(taken.count)
            return taken
        }
        commit(batch, db)
        // Between batches the writer's queue is released, so other users of the writer get their turn.
        let more = lock.withLock {
            batchScheduled = !pending.isEmpty
            return batchScheduled
        }
        if more { scheduleBatch() }
    }

    private func commit(_ batch: [PendingWrite], _ db: Database) {
        var answers: [@Sendable () -> Void] = []
        var failures: [(PendingWrite, Error)] = []
        do {
            try db.inTransaction(.immediate) {
                for write in batch {
                    do {
                        var answer: (@Sendable () -> Void)?
                        try db.inSavepoint {
                            answer = try write.run(db)
                            return .commit
                        }
                        answers.append(answer!)
                    } catch {
                        failures.append((write, error))
                        // An I/O error or a full disk can end the whole transaction, not just this savepoint.
                        if !db.isInsideTransaction { throw error }
                    }
                }
                return .commit
            }
        } catch {
            // Nothing in the batch was stored: everyone hears of the failure, as storage trouble if that was the cause.
            let causes = ([error] + failures.map(\.1)).map(translate)
            let failure = causes.first { $0 is StorageUnavailable } ?? causes[0]
            for write in batch { write.fail(failure) }
            return
        }
        for (write, error) in failures { write.fail(translate(error)) }
        for answer in answers { answer() }
    }
}
