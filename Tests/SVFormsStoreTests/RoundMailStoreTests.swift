import Foundation
import SVFormsCore
import Synchronization
import Testing

@testable import SVFormsStore

@Suite struct RoundMailStoreTests {
    private let june27 = CalendarDay(year: 2025, month: 6, day: 27)!

    @Test func someoneWhoseEmailCannotBeWrittenIsLeftUninvitedAndTheOthersGo() async throws {
        struct Unsendable: Error {}
        let database = try scratchDatabase()
        let round = try await roundWith([("Ada", "ada@example.org"), ("Bad", "bad@example.org"), ("Bo", "bo@example.org")], in: database)
        let outcome = try await database.rounds.sendRoundMail(.invitations, roundID: round.id, at: storeTestNow) { person in
            if person.email == "bad@example.org" { throw Unsendable() }
            return personalMail(person)
        }
        #expect(outcome.queued == 2)
        #expect(outcome.skipped.map(\.email) == ["bad@example.org"])
        let people = try await database.rounds.representatives(roundID: round.id)
        #expect(people.filter { $0.invitedAt != nil }.map(\.email) == ["ada@example.org", "bo@example.org"])
        #expect(try await database.outbox.mailCounts() == [.queued: 2])
        // Sending again reaches only the one left out.
        let again = try await database.rounds.sendRoundMail(.invitations, roundID: round.id, at: storeTestNow) { personalMail($0) }
        #expect(again == RoundMailOutcome(queued: 1, skipped: []))
    }

    @Test func theAutomaticReminderWaitsForSomeoneToRemindAndThenGoesOnce() async throws {
        let database = try scratchDatabase()
        let round = try await roundWith([("Ada", "ada@example.org"), ("Bo", "bo@example.org")], in: database, reminderDaysBefore: 3)
        // Due by date, but nobody has been invited yet: not due, so invitations sent later are still followed up.
        #expect(try await database.rounds.roundsDueForAutomaticReminder(today: june27).isEmpty)
        _ = try await database.rounds.sendRoundMail(.invitations, roundID: round.id, at: storeTestNow) { personalMail($0) }
        #expect(try await database.rounds.roundsDueForAutomaticReminder(today: CalendarDay(year: 2025, month: 6, day: 26)!).isEmpty)
        #expect(try await database.rounds.roundsDueForAutomaticReminder(today: june27).map(\.id) == [round.id])
        #expect(try await database.rounds.roundsDueForAutomaticReminder(today: CalendarDay(year: 2025, month: 7, day: 1)!).isEmpty, "closed")

        let first = try await database.rounds.sendRoundMail(.reminders, roundID: round.id, at: storeTestNow, automatic: true) {
            personalMail($0, kind: "reminder")
        }
        #expect(first.queued == 2)
        // A second run (another process, or a retry after a crash) finds it done inside the transaction.
        let second = try await database.rounds.sendRoundMail(.reminders, roundID: round.id, at: storeTestNow, automatic: true) {
            personalMail($0, kind: "reminder")
        }
        #expect(second.queued == 0)
        #expect(try await database.rounds.roundsDueForAutomaticReminder(today: june27).isEmpty)
    }

    @Test func remindersSkipThoseWhoSubmitted() async throws {
        let database = try scratchDatabase()
        let round = try await roundWith([("Ada", "ada@example.org"), ("Bo", "bo@example.org")], in: database)
        _ = try await database.rounds.sendRoundMail(.invitations, roundID: round.id, at: storeTestNow) { personalMail($0) }
        let ada = try #require(try await database.rounds.representatives(roundID: round.id).first)
        _ = try await database.responses.submit(
            respondentKey: nil, formID: "role-understanding", formVersion: 1, answers: ["job-role": ["Analyst"]], at: storeTestNow,
            representativeID: ada.id)
        let outcome = try await database.rounds.sendRoundMail(.reminders, roundID: round.id, at: storeTestNow) {
            personalMail($0, kind: "reminder")
        }
        #expect(outcome.queued == 1)
        #expect(
            try await database.rounds.representatives(roundID: round.id).compactMap { $0.remindedAt == nil ? nil : $0.email } == ["bo@example.org"])
    }

    @Test func removingSomeoneEndsTheirLinkAndAnswersButNeverASubmission() async throws {
        let database = try scratchDatabase()
        let round = try await roundWith([("Ada", "ada@example.org"), ("Bo", "bo@example.org")], in: database)
        let minted = Mutex<[String: Data]>([:])
        _ = try await database.rounds.sendRoundMail(.invitations, roundID: round.id, at: storeTestNow) { person in
            let mail = personalMail(person)
            minted.withLock { $0[person.email] = mail.tokenHash }
            return mail
        }
        let hashes = minted.withLock { $0 }
        let people = try await database.rounds.representatives(roundID: round.id)
        let (ada, bo) = (people[0], people[1])
        try await database.responses.updateDraft(respondentKey: ada.draftKey, formID: "role-understanding", formVersion: 1, at: storeTestNow) { $0 }
        _ = try await database.responses.submit(
            respondentKey: nil, formID: "role-understanding", formVersion: 1, answers: [:], at: storeTestNow, representativeID: bo.id)

        #expect(try await database.rounds.removeRepresentative(bo.id, from: round.id) == nil, "Bo has submitted")
        #expect(try await database.rounds.removeRepresentative(ada.id, from: round.id + 1) == nil, "another round")
        #expect(try await database.rounds.removeRepresentative(ada.id, from: round.id)?.email == "ada@example.org")
        #expect(try await database.rounds.representatives(roundID: round.id).map(\.email) == ["bo@example.org"])
        #expect(try await database.rounds.invitation(tokenHash: try #require(hashes["ada@example.org"])) == nil)
        #expect(try await database.rounds.invitation(tokenHash: try #require(hashes["bo@example.org"])) != nil)
        #expect(try await database.responses.draft(respondentKey: ada.draftKey, formID: "role-understanding") == nil)
    }

    @Test func aRepresentativesAnswersOutliveTheDraftLifetimeWhileTheirRoundIsOpen() async throws {
        let database = try scratchDatabase()
        let round = try await roundWith([("Ada", "ada@example.org")], in: database)
        let ada = try #require(try await database.rounds.representatives(roundID: round.id).first)
        let stranger = Data(repeating: 5, count: 32)
        let longAgo = storeTestNow.addingTimeInterval(-60 * 86_400)
        try await database.responses.updateDraft(respondentKey: ada.draftKey, formID: "role-understanding", formVersion: 1, at: longAgo) { $0 }
        try await database.responses.updateDraft(respondentKey: stranger, formID: "community-voice", formVersion: 1, at: longAgo) { $0 }
        let cutoff = storeTestNow.addingTimeInterval(-30 * 86_400)
        #expect(
            try await database.responses.deleteDrafts(changedBefore: cutoff, keepingRoundsOpenOn: CalendarDay(year: 2025, month: 6, day: 30)!) == 1)
        #expect(try await database.responses.draft(respondentKey: ada.draftKey, formID: "role-understanding") != nil)
        // The day after the round closes, the usual rule applies.
        #expect(
            try await database.responses.deleteDrafts(changedBefore: cutoff, keepingRoundsOpenOn: CalendarDay(year: 2025, month: 7, day: 1)!) == 1)
        #expect(try await database.responses.draft(respondentKey: ada.draftKey, formID: "role-understanding") == nil)
    }

    @Test func digestCountsComeFromSubmittedResponsesInThePeriodOnly() async throws {
        let database = try scratchDatabase()
        let day = DateInterval(start: storeTestNow.addingTimeInterval(-3600), duration: 86_400)
        for (offset, area) in [(0.0, "guildford"), (60, "guildford"), (120, "woking"), (-7200, "woking")] {
            _ = try await database.responses.submit(
                respondentKey: nil, formID: "community-voice", formVersion: 1, answers: ["area": [area]],
                at: storeTestNow.addingTimeInterval(offset))
        }
        _ = try await database.responses.submit(respondentKey: nil, formID: "other", formVersion: 1, answers: [:], at: storeTestNow)
        #expect(try await database.reporting.submittedCount(formID: "community-voice", in: day) == 3)
        #expect(try await database.reporting.answerCounts(formID: "community-voice", questionID: "area", in: day) == ["guildford": 2, "woking": 1])
    }
}
