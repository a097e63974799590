import Foundation
import Logging
import SVFormsMail
import SVFormsStore
import Testing

@testable import SVFormsBackground
@testable import SVFormsWeb

@Suite struct MailDeliveryTests {
    @Test func retriesWaitLongerEachTimeUpToSixHours() {
        for attempt in 1...20 {
            let delay = MailDeliveryService.delay(afterAttempt: attempt, base: 60)
            let expected = min(60 * pow(2, Double(attempt - 1)), 6 * 3600)
            #expect(delay >= expected * 0.8 && delay <= expected * 1.2, "attempt \(attempt): \(delay)")
        }
    }

    @Test func aFailingTransportDelaysTheMessageAndAWorkingOneSendsItWithItsMessageID() async throws {
        let clock = TestClock()
        let (site, configuration) = try await queuedNotice(clock)
        let notice = try #require(try await site.database.outbox.mail(status: .queued, limit: 1, offset: 0).first).message

        // A real file-drop transport pointed at a path that cannot be a folder: a transient failure.
        let blocker = configuration.dataDirectory + "/not-a-folder"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data())
        let broken = MailDeliveryService(
            database: site.database, transport: FileDropTransport(directory: blocker + "/mail", logger: Logger(label: "test")),
            wakeup: MailWakeup(), now: { clock.now }, logger: Logger(label: "test"))
        await broken.deliverDue()
        let delayed = try #require(try await site.database.outbox.mail(status: .queued, limit: 1, offset: 0).first)
        #expect(delayed.attempts == 1)
        #expect(delayed.nextAttemptAt > clock.now.addingTimeInterval(40))
        #expect(delayed.lastError != nil)

        let folder = configuration.dataDirectory + "/mail"
        let working = MailDeliveryService(
            database: site.database, transport: FileDropTransport(directory: folder, logger: Logger(label: "test")),
            wakeup: MailWakeup(), now: { clock.now }, logger: Logger(label: "test"))
        await working.deliverDue()
        #expect(try await site.database.outbox.mail(status: .sent, limit: 1, offset: 0).isEmpty)  // not due yet
        clock.advance(by: 3600)
        await working.deliverDue()
        let sent = try #require(try await site.database.outbox.mail(status: .sent, limit: 1, offset: 0).first)
        #expect(sent.attempts == 2)
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".eml") })
        let contents = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
        #expect(contents.contains("Message-ID: \(notice.messageID)"))
    }

    /// A transport that always fails the same way, counting its attempts.
    private struct FailingTransport: MailTransport {
        let failure: DeliveryFailure
        func send(_ message: MailMessage) async throws(DeliveryFailure) -> DeliveryReceipt { throw failure }
    }

    private func queuedNotice(_ clock: TestClock) async throws -> (Site, AppConfiguration) {
        var configuration = testConfiguration()
        configuration.now = { clock.now }
        let (site, _) = try await makeSite(configuration, logger: Logger(label: "test"))
        let account = try await site.database.accounts.createAccount(email: "lead@example.org", passwordHash: "x", role: .lead, at: clock.now)
        let questionnaire = try #require(site.catalog.questionnaire(id: "every-type"))
        let notice = try site.mail.submissionNotice(to: account, questionnaire: questionnaire, reference: "ABCD2345", organisation: nil)
        try await site.database.outbox.enqueue([notice], at: clock.now)
        return (site, configuration)
    }

    private func service(_ site: Site, _ clock: TestClock, _ transport: any MailTransport) -> MailDeliveryService {
        MailDeliveryService(database: site.database, transport: transport, wakeup: MailWakeup(), now: { clock.now }, logger: Logger(label: "test"))
    }

    @Test func aTransientFailureKeepsTryingForFiveDaysThenFails() async throws {
        let clock = TestClock()
        let (site, _) = try await queuedNotice(clock)
        let worker = service(site, clock, FailingTransport(failure: .transient("SMTP settings problem: login refused")))
        var attempts = 0
        while try await site.database.outbox.mailCounts()[.queued] != nil, attempts < 100 {
            await worker.deliverDue()
            attempts += 1
            let next = try await site.database.outbox.mail(status: nil, limit: 1, offset: 0)[0]
            if next.status == .queued {
                #expect(next.nextAttemptAt <= next.expiresAt, "never waits past the expiry")
                clock.set(next.nextAttemptAt.addingTimeInterval(0.001))  // stored to the millisecond
            }
        }
        let last = try await site.database.outbox.mail(status: nil, limit: 1, offset: 0)
        let failed = try #require(try await site.database.outbox.mail(status: .failed, limit: 1, offset: 0).first, "\(attempts) rounds: \(last)")
        #expect(failed.lastError == "undelivered after five days: SMTP settings problem: login refused")
        #expect(clock.now >= failed.expiresAt)
        #expect(failed.attempts >= 10 && failed.attempts < 40, "\(failed.attempts) attempts: a minute doubling to six hours")
        #expect(failed.hasContent, "kept for an admin to retry once the settings are fixed")
    }

    @Test func aPermanentFailureFailsAtOnce() async throws {
        let clock = TestClock()
        let (site, _) = try await queuedNotice(clock)
        await service(site, clock, FailingTransport(failure: .permanent("the SMTP server refused this message: 550"))).deliverDue()
        let failed = try #require(try await site.database.outbox.mail(status: .failed, limit: 1, offset: 0).first)
        #expect(failed.attempts == 1)
        #expect(failed.lastError == "the SMTP server refused this message: 550")
    }

    @Test func aStoredMessageThatCannotBeRebuiltFailsWithoutStoppingTheOthers() async throws {
        let clock = TestClock()
        let (site, configuration) = try await queuedNotice(clock)
        try await site.database.outbox.enqueue(
            [
                OutboxMessage(
                    messageID: "<broken@svforms.test>", kind: "digest", recipient: "lead@example.org", subject: "S",
                    payload: Data("not json".utf8))
            ],
            at: clock.now)
        await service(site, clock, FileDropTransport(directory: configuration.dataDirectory + "/mail", logger: Logger(label: "test")))
            .deliverDue()
        let failed = try #require(try await site.database.outbox.mail(status: .failed, limit: 1, offset: 0).first)
        #expect(failed.message.messageID == "<broken@svforms.test>")
        #expect(failed.lastError?.hasPrefix("the stored message cannot be rebuilt") == true)
        #expect(try await site.database.outbox.mailCounts()[.sent] == 1)
    }
}
