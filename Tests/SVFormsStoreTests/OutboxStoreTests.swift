import Foundation
import GRDB
import Testing

@testable import SVFormsStore

@Suite struct OutboxStoreTests {
    @Test func queuedMailIsDueAtOnceAndExpiresAfterFiveDays() async throws {
        let database = try scratchDatabase()
        try await database.outbox.enqueue([outboxMessage()], at: storeTestNow)
        #expect(try await database.outbox.dueMail(at: storeTestNow.addingTimeInterval(-1), limit: 10).isEmpty)
        let due = try #require(try await database.outbox.dueMail(at: storeTestNow, limit: 10).first)
        #expect(due.expiresAt == storeTestNow.addingTimeInterval(5 * 86_400))
        #expect(due.hasContent)
    }

    @Test func sentMailKeepsItsSubjectButNotItsContent() async throws {
        let database = try scratchDatabase()
        try await database.outbox.enqueue([outboxMessage()], at: storeTestNow)
        let item = try #require(try await database.outbox.dueMail(at: storeTestNow, limit: 1).first)
        try await database.outbox.markSent(item.id, attempts: 1, at: storeTestNow)
        let sent = try #require(try await database.outbox.mail(status: .sent, limit: 1, offset: 0).first)
        #expect(sent.message.payload.isEmpty)
        #expect(!sent.hasContent)
        #expect(sent.message.subject == "Subject")
        #expect(sent.sentAt == storeTestNow)
        #expect(try await database.outbox.dueMail(at: storeTestNow.addingTimeInterval(86_400), limit: 10).isEmpty)
    }

    @Test func aRetriedMessageStartsAfreshWithFiveMoreDays() async throws {
        let database = try scratchDatabase()
        try await database.outbox.enqueue([outboxMessage()], at: storeTestNow)
        let item = try #require(try await database.outbox.dueMail(at: storeTestNow, limit: 1).first)
        #expect(try await database.outbox.retryFailedMail(item.id, at: storeTestNow) == false, "only failed mail is retried")
        try await database.outbox.markFailed(item.id, attempts: 7, error: "550 no such user")
        let later = storeTestNow.addingTimeInterval(10 * 86_400)
        #expect(try await database.outbox.retryFailedMail(item.id, at: later))
        let queued = try #require(try await database.outbox.dueMail(at: later, limit: 1).first)
        #expect(queued.attempts == 0)
        #expect(queued.expiresAt == later.addingTimeInterval(5 * 86_400))
        #expect(queued.lastError == "550 no such user", "the last error stays visible until the next attempt")
    }

    @Test func retryingAllFailedSkipsThoseWhoseContentIsGone() async throws {
        let database = try scratchDatabase()
        try await database.outbox.enqueue(
            [outboxMessage("a@example.org"), outboxMessage("b@example.org"), outboxMessage("c@example.org")],
            at: storeTestNow)
        let items = try await database.outbox.dueMail(at: storeTestNow, limit: 10)
        for item in items { try await database.outbox.markFailed(item.id, attempts: 1, error: "refused") }
        // Thirty days on, failed content is dropped by housekeeping; one failed later keeps it.
        try await database.outbox.enqueue([outboxMessage("d@example.org")], at: storeTestNow.addingTimeInterval(29 * 86_400))
        let recent = try #require(try await database.outbox.dueMail(at: storeTestNow.addingTimeInterval(29 * 86_400), limit: 1).first)
        try await database.outbox.markFailed(recent.id, attempts: 1, error: "refused")
        #expect(try await database.outbox.dropFailedMailContent(queuedBefore: storeTestNow.addingTimeInterval(1)) == 3)
        #expect(try await database.outbox.dropFailedMailContent(queuedBefore: storeTestNow.addingTimeInterval(1)) == 0)
        #expect(try await database.outbox.retryFailedMail(items[0].id, at: storeTestNow) == false)
        #expect(try await database.outbox.retryAllFailedMail(at: storeTestNow.addingTimeInterval(31 * 86_400)) == 1)
        #expect(try await database.outbox.mailCounts() == [.queued: 1, .failed: 3])
    }

    @Test func aScheduledJobQueuesItsMailOnceEver() async throws {
        let database = try scratchDatabase()
        #expect(try await database.outbox.queueOnce(job: "digest:2025-06-14", at: storeTestNow) { [outboxMessage()] })
        #expect(try await database.outbox.queueOnce(job: "digest:2025-06-14", at: storeTestNow) { [outboxMessage()] } == false)
        #expect(try await database.outbox.queueOnce(job: "digest:2025-06-15", at: storeTestNow) { [] })
        #expect(try await database.outbox.mailCounts() == [.queued: 1])
    }

    @Test func aJobWhoseMailCannotBeWrittenIsNotMarkedDone() async throws {
        struct Broken: Error {}
        let database = try scratchDatabase()
        await #expect(throws: Broken.self) {
            try await database.outbox.queueOnce(job: "digest:2025-06-14", at: storeTestNow) { throw Broken() }
        }
        #expect(try await database.outbox.queueOnce(job: "digest:2025-06-14", at: storeTestNow) { [outboxMessage()] })
    }

    @Test func mailQueuedBeforeExpiryExistedGetsFiveDaysFromItsCreation() throws {
        // Migration v5 on a database made before it: an existing row's expiry counts from when it was queued.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("svforms-v4-\(UUID().uuidString).sqlite").path
        let queue = try DatabaseQueue(path: path)
        try AppDatabase.migrator.migrate(queue, upTo: "v4: outbox, survey rounds, invitations, notifications")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO outbox (message_id, kind, recipient, subject, message, status, attempts, next_attempt_at, created_at)
                    VALUES ('<a@b>', 'digest', 'lead@example.org', 'S', x'00', 'queued', 3, '2025-06-15T10:00:00.000Z', '2025-06-15T09:00:00.000Z')
                    """)
        }
        try AppDatabase.migrator.migrate(queue)
        let expiry = try queue.read { try String.fetchOne($0, sql: "SELECT expires_at FROM outbox") }
        #expect(expiry == "2025-06-20T09:00:00.000Z")
    }
}
