import Foundation
import GRDB
import Testing

@testable import SVFormsStore

/// Counts the transactions that commit changes to the `item` table.
private final class CommitCounter: TransactionObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var commits = 0
    var count: Int { lock.withLock { commits } }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { eventKind.tableName == "item" }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { lock.withLock { commits += 1 } }
    func databaseDidRollback(_ db: Database) {}
}

private struct Refused: Error {}

/// A database with an `item` table, its writer held busy until `release` is signalled, and `writes`
/// started against it: they all wait for the writer, so they must share one batch.
private func writesHeldBehindABusyWriter(
    _ writes: [@Sendable (Database) throws -> Int]
) async throws -> (AppDatabase, [Result<Int, Error>], CommitCounter) {
    let database = try scratchDatabase()
    try await database.writer.write { try $0.execute(sql: "CREATE TABLE item (name TEXT NOT NULL UNIQUE)") }
    let counter = CommitCounter()
    database.writer.add(transactionObserver: counter, extent: .observerLifetime)
    let release = DispatchSemaphore(value: 0)
    database.writer.asyncWriteWithoutTransaction { _ in release.wait() }
    let results = try await withThrowingTaskGroup(of: (Int, Result<Int, Error>).self) { group in
        for (index, write) in writes.enumerated() {
            group.addTask {
                do { return (index, .success(try await database.write(write))) } catch { return (index, .failure(error)) }
            }
        }
        while database.groupCommit.waitingCount < writes.count { try await Task.sleep(for: .milliseconds(1)) }
        release.signal()
        var results = [Result<Int, Error>?](repeating: nil, count: writes.count)
        for try await (index, result) in group { results[index] = result }
        return results.map { $0! }
    }
    return (database, results, counter)
}

private func insert(_ name: String) -> @Sendable (Database) throws -> Int {
    { db in
        try db.execute(sql: "INSERT INTO item (name) VALUES (?)", arguments: [name])
        return Int(db.lastInsertedRowID)
    }
}

@Suite struct GroupCommitTests {
    @Test func writesWaitingTogetherShareOneCommitAndEachGetsItsOwnResult() async throws {
        let (database, results, counter) = try await writesHeldBehindABusyWriter((0..<40).map { insert("item \($0)") })
        #expect(counter.count == 1)
        let rowIDs = try results.map { try $0.get() }
        #expect(Set(rowIDs).count == 40)
        let stored = try await database.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM item") }
        #expect(stored == 40)
    }

    @Test func aWriteThatFailsIsRolledBackAloneAndTheOthersCommit() async throws {
        let failing: @Sendable (Database) throws -> Int = { db in
            try db.execute(sql: "INSERT INTO item (name) VALUES ('half-done')")
            throw Refused()
        }
        let writes = [insert("first"), failing, insert("first"), insert("last")]
        let (database, results, counter) = try await writesHeldBehindABusyWriter(writes)
        #expect(counter.count == 1)
        #expect((try? results[0].get()) != nil)
        #expect(throws: Refused.self) { try results[1].get() }
        #expect { try results[2].get() } throws: { ($0 as? DatabaseError)?.resultCode == .SQLITE_CONSTRAINT }
        #expect((try? results[3].get()) != nil)
        let names = try await database.writer.read { try String.fetchAll($0, sql: "SELECT name FROM item ORDER BY rowid") }
        #expect(names == ["first", "last"])
    }

    @Test func aQuietWriterCommitsEachWriteAtOnce() async throws {
        let database = try scratchDatabase()
        try await database.writer.write { try $0.execute(sql: "CREATE TABLE item (name TEXT NOT NULL UNIQUE)") }
        for index in 0..<3 { _ = try await database.write(insert("item \(index)")) }
        #expect(database.groupCommit.waitingCount == 0)
        let stored = try await database.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM item") }
        #expect(stored == 3)
    }
}
