import Foundation
import Logging
import SVFormsCore
import SVFormsMail
import SVFormsStore
import Testing

@testable import SVFormsBackground
@testable import SVFormsWeb

/// Automatic reminders and the daily digest, run against a real database with a clock the test sets.
@Suite struct ScheduledMailTests {
    @Test func automaticRemindersGoOnceTheirDayComesAndOnlyOnce() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_750_000_000))  // 15 June 2025
        var configuration = testConfiguration(forms: Repository.surreyForms)
        configuration.now = { clock.now }
        let (site, _) = try await makeSite(configuration, logger: Logger(label: "test"))
        let round = try await site.database.rounds.createRound(
            NewSurveyRound(
                formID: "role-understanding", name: "June", opensOn: CalendarDay(year: 2025, month: 6, day: 1)!,
                closesOn: CalendarDay(year: 2025, month: 6, day: 30)!, reminderDaysBefore: 3),
            by: "lead@example.org", at: clock.now)
        try await site.database.rounds.addRepresentatives(
            [
                NewRepresentative(name: "Ada", email: "ada@example.org", organisationID: "surrey-police"),
                NewRepresentative(name: "Bo", email: "bo@example.org", organisationID: "surrey-police"),
            ], to: round.id)
        let questionnaire = try #require(site.catalog.questionnaire(id: "role-understanding"))
        _ = try await site.database.rounds.sendRoundMail(.invitations, roundID: round.id, at: clock.now) { person in
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
        let lead = try await site.database.accounts.createAccount(email: "lead@example.org", passwordHash: "x", role: .lead, at: clock.now)
        let viewer = try await site.database.accounts.createAccount(email: "viewer@example.org", passwordHash: "x", role: .viewer, at: clock.now)
        try await site.database.accounts.setNotifications(accountID: lead.id, submissions: false, digest: true)
        try await site.database.accounts.setNotifications(accountID: viewer.id, submissions: false, digest: true)
        for (area, worries) in [("guildford", ["knife-crime", "drugs"]), ("guildford", ["drugs"]), ("woking", ["vawg"])] {
            _ = try await site.database.responses.submit(
                respondentKey: nil, formID: "community-voice", formVersion: 1,
                answers: ["area": [area], "worries": worries, "voice": ["A private account of what happened <b>here</b>"]], at: clock.now)
        }
        clock.advance(by: 86_400)  // the next day, after 07:00
        let service = ScheduledMailService(site: site)
        await service.runDueJobs()
        await service.runDueJobs()
        let digests = try await site.database.outbox.mail(status: nil, limit: 10, offset: 0).filter { $0.message.kind == "digest" }
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
        try await site.database.outbox.mail(status: nil, limit: 50, offset: 0).filter { $0.message.kind == "reminder" }
    }
}
