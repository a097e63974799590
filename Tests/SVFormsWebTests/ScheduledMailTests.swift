import Foundation
import Logging
import SVFormsCore
import SVFormsMail
import SVFormsStore
@testable import SVFormsWeb
import Testing

/// Automatic reminders and the daily digest, run against a real database with a clock the test sets.
@Suite struct ScheduledMailTests {
    @Test func automaticRemindersGoOnceTheirDayComesAndOnlyOnce() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_750_000_000))  // 15 June 2025
        var configuration = testConfiguration(forms: Repository.surreyForms)
        configuration.now = { clock.now }
        let (site, _) = try await makeSite(configuration, logger: Logger(label: "test"))
        let round = try await site.database.createRound(
            NewSurveyRound(
                formID: "role-understanding", name: "June", opensOn: CalendarDay(year: 2025, month: 6, day: 1)!,
                closesOn: CalendarDay(year: 2025, month: 6, day: 30)!, reminderDaysBefore: 3),
            by: "lead@example.org", at: clock.now)
        try await site.database.addRepresentatives(
            [NewRepresentative(name: "Ada", email: "ada@example.org", organisationID: "surrey-police"),
             NewRepresentative(name: "Bo", email: "bo@example.org", organisationID: "surrey-police")], to: round.id)
        let questionnaire = try #require(site.catalog.questionnaire(id: "role-understanding"))
        try await site.database.sendRoundMail(.invitations, roundID: round.id, at: clock.now) { person in
            try site.mail.invitation(person, round: round, questionnaire: questionnaire, isReminder: false)
        }
        let service = ScheduledMailService(site: site)
        await service.runDueJobs()
        #expect(try await reminders(site).isEmpty)  // 15 June: too early

        clock.set(Date(timeIntervalSince1970: 1_751_000_000))  // 27 June: three days before 30 June
        await service.runDueJobs()
        #expect(try await reminders(site).count == 2)
        await service.runDueJobs()
        #expect(try await reminders(site).count == 2)  // not twice
    }

    @Test func theDigestCountsYesterdaysVoicesOnceForThoseWhoAsked() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_750_000_000))  // 15 June 2025, 16:06 BST
        var configuration = testConfiguration(forms: Repository.surreyForms)
        configuration.now = { clock.now }
        let (site, _) = try await makeSite(configuration, logger: Logger(label: "test"))
        let lead = try await site.database.createAccount(email: "lead@example.org", passwordHash: "x", role: .lead, at: clock.now)
        let viewer = try await site.database.createAccount(email: "viewer@example.org", passwordHash: "x", role: .viewer, at: clock.now)
        try await site.database.setNotifications(accountID: lead.id, submissions: false, digest: true)
        try await site.database.setNotifications(accountID: viewer.id, submissions: false, digest: true)
        for (area, worries) in [("guildford", ["knife-crime", "drugs"]), ("guildford", ["drugs"]), ("woking", ["vawg"])] {
            _ = try await site.database.submit(
                respondentKey: nil, formID: "community-voice", formVersion: 1,
                answers: ["area": [area], "worries": worries, "voice": ["A private account of what happened <b>here</b>"]], at: clock.now)
        }
        clock.advance(by: 86_400)  // the next day, after 07:00
        let service = ScheduledMailService(site: site)
        await service.runDueJobs()
        await service.runDueJobs()
        let digests = try await site.database.mail(status: nil, limit: 10, offset: 0).filter { $0.message.kind == "digest" }
        #expect(digests.map(\.message.recipient) == ["lead@example.org"])  // once, and never to a viewer
        let payload = try OutboxPayload.decode(try #require(digests.first).message.payload)
        #expect(payload.subject == "Community voices: 3 new on 15 June 2025")
        #expect(payload.text.contains("Guildford: 2"))
        #expect(payload.text.contains("Woking: 1"))
        #expect(payload.text.contains("Drugs and drug dealing: 2"))
        #expect(!payload.text.contains("private account"))
        #expect(!payload.html.contains("private account"))
    }

    private func reminders(_ site: Site) async throws -> [OutboxItem] {
        try await site.database.mail(status: nil, limit: 50, offset: 0).filter { $0.message.kind == "reminder" }
    }
}

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
        var configuration = testConfiguration()
        configuration.now = { clock.now }
        let (site, _) = try await makeSite(configuration, logger: Logger(label: "test"))
        let account = try await site.database.createAccount(email: "lead@example.org", passwordHash: "x", role: .lead, at: clock.now)
        let questionnaire = try #require(site.catalog.questionnaire(id: "every-type"))
        let notice = try site.mail.submissionNotice(to: account, questionnaire: questionnaire, reference: "ABCD2345", organisation: nil)
        try await site.database.enqueue([notice], at: clock.now)

        // A real file-drop transport pointed at a path that cannot be a folder: a transient failure.
        let blocker = configuration.dataDirectory + "/not-a-folder"
        FileManager.default.createFile(atPath: blocker, contents: Data())
        let broken = MailDeliveryService(
            database: site.database, transport: FileDropTransport(directory: blocker + "/mail", logger: Logger(label: "test")),
            wakeup: MailWakeup(), now: { clock.now }, logger: Logger(label: "test"))
        await broken.deliverDue()
        let delayed = try #require(try await site.database.mail(status: .queued, limit: 1, offset: 0).first)
        #expect(delayed.attempts == 1)
        #expect(delayed.nextAttemptAt > clock.now.addingTimeInterval(40))
        #expect(delayed.lastError != nil)

        let folder = configuration.dataDirectory + "/mail"
        let working = MailDeliveryService(
            database: site.database, transport: FileDropTransport(directory: folder, logger: Logger(label: "test")),
            wakeup: MailWakeup(), now: { clock.now }, logger: Logger(label: "test"))
        await working.deliverDue()
        #expect(try await site.database.mail(status: .sent, limit: 1, offset: 0).isEmpty)  // not due yet
        clock.advance(by: 3600)
        await working.deliverDue()
        let sent = try #require(try await site.database.mail(status: .sent, limit: 1, offset: 0).first)
        #expect(sent.attempts == 2)
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".eml") })
        let contents = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
        #expect(contents.contains("Message-ID: \(notice.messageID)"))
    }
}
