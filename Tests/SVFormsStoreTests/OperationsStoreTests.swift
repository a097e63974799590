import Foundation
import GRDB
import Testing

@testable import SVFormsStore

/// Backup, restore, the data-directory lock, upgrades and what /readyz asks of the store.
@Suite struct OperationsStoreTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svforms-ops-\(UUID().uuidString)").path
    var data: String { folder + "/data" }

    private func submitted(_ count: Int, to database: AppDatabase) async throws -> [String] {
        var references: [String] = []
        for number in 0..<count {
            let reference = try await database.responses.submit(
                respondentKey: nil, formID: "survey", formVersion: 1, answers: ["duty": ["good"], "note": ["n\(number)"]],
                at: storeTestNow)
            references.append(try #require(reference))
        }
        return references
    }

    private func references(in path: String) throws -> Set<String> {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return Set(try queue.read { try String.fetchAll($0, sql: "SELECT reference FROM response") })
    }

    @Test func aBackupIsACheckedSelfContainedCopyAndNeverOverwrites() async throws {
        let database = try AppDatabase(directory: data)
        let stored = try await submitted(3, to: database)
        let target = folder + "/copy.sqlite"
        let (path, check) = try DatabaseBackup.backUp(dataDirectory: data, to: target, now: storeTestNow)
        #expect(path == target)
        #expect(check.integrity == "ok")
        #expect(check.responses == 3)
        #expect(try references(in: path) == Set(stored))
        // One file in rollback-journal mode, readable by its owner only, no partial file left.
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: target + ".partial"))
        let mode = try await DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "delete")

        #expect(throws: DatabaseFileProblem.self) { try DatabaseBackup.backUp(dataDirectory: data, to: target, now: storeTestNow) }
        #expect(throws: DatabaseFileProblem.self) { try DatabaseBackup.backUp(dataDirectory: folder + "/none", to: folder + "/x", now: storeTestNow) }
    }

    @Test func aBackupIntoAFolderIsNamedByItsTime() async throws {
        _ = try AppDatabase(directory: data)
        let (path, _) = try DatabaseBackup.backUp(dataDirectory: data, to: folder, now: storeTestNow)
        #expect(path == folder + "/svforms-20250615T150640Z.sqlite")
    }

    @Test func restoreReplacesTheDatabaseAndKeepsTheOldOneAside() async throws {
        let original = try AppDatabase(directory: folder + "/source")
        let kept = try await submitted(2, to: original)
        let (backup, _) = try DatabaseBackup.backUp(dataDirectory: folder + "/source", to: folder + "/b.sqlite", now: storeTestNow)
        let replaced = try await submitted(1, to: try AppDatabase(directory: data))

        let (check, aside) = try DatabaseBackup.restore(backup, into: data, now: storeTestNow)
        #expect(check.responses == 2)
        #expect(try references(in: data + "/svforms.sqlite") == Set(kept))
        let asideFolder = try #require(aside)
        #expect(try references(in: asideFolder + "/svforms.sqlite") == Set(replaced))
        // The restored file opens as the server opens it.
        let reopened = try AppDatabase(directory: data)
        #expect(try await reopened.responses.responseCount(formID: "survey") == 2)
    }

    @Test func restoreRefusesAFileItCannotTrustAndChangesNothing() async throws {
        let live = try await submitted(1, to: try AppDatabase(directory: data))
        let garbage = folder + "/garbage.sqlite"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: garbage))
        let stranger = folder + "/stranger.sqlite"
        try await DatabaseQueue(path: stranger).write { try $0.execute(sql: "CREATE TABLE notes (text TEXT)") }
        let newer = folder + "/newer.sqlite"
        try FileManager.default.copyItem(atPath: data + "/svforms.sqlite", toPath: newer)
        try await DatabaseQueue(path: newer).writeWithoutTransaction {
            _ = try String.fetchOne($0, sql: "PRAGMA journal_mode = DELETE")
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        for (file, words) in [
            (garbage, "not a readable SQLite database"), (stranger, "not an svforms database"),
            (newer, "newer svforms"), (folder + "/missing.sqlite", "does not exist"),
        ] {
            let problem = #expect(throws: DatabaseFileProblem.self) { try DatabaseBackup.restore(file, into: data, now: storeTestNow) }
            #expect(problem?.description.contains(words) == true, "\(file): \(problem?.description ?? "")")
        }
        #expect(try references(in: data + "/svforms.sqlite") == Set(live))
    }

    @Test func theDataDirectoryLockIsHeldByOneProcessAtATime() throws {
        var first: DataDirectoryLock? = try DataDirectoryLock(directory: data)
        #expect(throws: DataDirectoryLock.Held.self) { try DataDirectoryLock(directory: data) }
        withExtendedLifetime(first) {}
        first = nil
        _ = try DataDirectoryLock(directory: data)
    }

    /// The previous release stopped at migration v6: its database opens, upgrades and keeps every answer.
    @Test func aDatabaseFromThePreviousReleaseIsUpgradedAtStart() async throws {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let path = data + "/svforms.sqlite"
        let old = try DatabasePool(path: path)
        try AppDatabase.migrator.migrate(old, upTo: "v6: community voices")
        try await old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO response (id, reference, form_id, form_version, submitted_at) VALUES (1, 'ABCD2345', 'survey', 1, '2025-06-01T09:00:00.000Z');
                    INSERT INTO answer (response_id, question_id, position, value) VALUES (1, 'duty', 0, 'good');
                    INSERT INTO outbox (message_id, kind, recipient, subject, message, status, next_attempt_at, created_at, expires_at)
                        VALUES ('<m@t>', 'submission', 'lead@example.org', 'S', x'00', 'queued', '2025-06-01T09:00:00.000Z', '2025-06-01T09:00:00.000Z', '2025-06-06T09:00:00.000Z');
                    """)
        }
        try old.close()

        let upgraded = try AppDatabase(path: path)
        #expect(try await upgraded.responses.response(reference: "ABCD2345")?.answers["duty"] == ["good"])
        try await upgraded.probeWrite(at: storeTestNow)
        let applied = try DatabaseFileCheck.inspect(path).appliedMigrations
        #expect(applied == AppDatabase.migrator.migrations)
    }

    @Test func mailQueueHealthCountsOnlyMessagesLeftPastTheirTime() async throws {
        let database = try AppDatabase(directory: data)
        try await database.outbox.enqueue([outboxMessage(), outboxMessage()], at: storeTestNow)
        let fresh = try await database.mailQueueHealth(at: storeTestNow.addingTimeInterval(60), allowedLag: 900)
        #expect(fresh == MailQueueHealth(waiting: 2, overdue: 0, oldestDue: nil))
        let stuck = try await database.mailQueueHealth(at: storeTestNow.addingTimeInterval(901), allowedLag: 900)
        #expect(stuck.overdue == 2)
        #expect(stuck.oldestDue.map { abs($0.timeIntervalSince(storeTestNow)) < 0.01 } == true)
    }

    @Test func theReadinessWriteFailsOnAReadOnlyDatabase() async throws {
        _ = try AppDatabase(directory: data)
        var configuration = Configuration()
        configuration.readonly = true
        let readOnly = AppDatabase(unmigrated: try DatabasePool(path: data + "/svforms.sqlite", configuration: configuration))
        await #expect(throws: StorageUnavailable.self) { try await readOnly.probeWrite(at: storeTestNow) }
    }
}
