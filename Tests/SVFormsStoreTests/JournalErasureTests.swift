import Foundation
import GRDB
import SVFormsCore
import Testing

@testable import SVFormsStore

/// Deleted means gone from the database file and from its write-ahead log: each kind of deletion is
/// followed by a search of both files' raw bytes for the words it removed.
@Suite struct JournalErasureTests {
    static let words = "Quokka-Zanzibar-7193 saw it happen"
    static let email = "quokka.7193@example.org"

    /// How many copies of `text` the database file and its log hold, as raw bytes.
    static func copies(of text: String, in database: AppDatabase) -> (file: Int, log: Int) {
        func count(_ path: String) -> Int {
            guard let data = FileManager.default.contents(atPath: path) else { return 0 }
            let needle = Data(text.utf8)
            var found = 0
            var start = data.startIndex
            while let range = data.range(of: needle, in: start..<data.endIndex) {
                found += 1
                start = range.upperBound
            }
            return found
        }
        return (count(database.writer.path), count(database.writer.path + "-wal"))
    }

    /// A voice holding the words and the email, submitted a year before the tests' "now".
    static func voice(in database: AppDatabase, quarantined: Bool = false) async throws -> String {
        try #require(
            try await database.responses.submit(
                respondentKey: nil, formID: "community-voice", formVersion: 1,
                answers: ["area": ["guildford"], "voice": [words], "contact-email": [email]],
                at: storeTestNow.addingTimeInterval(-365 * 86_400),
                voice: NewVoice(quarantineReason: quarantined ? .tooFast : nil)))
    }

    /// The words are in the log before the deletion (so the search can find them), and nowhere after it.
    static func expectErased(_ texts: [String], in database: AppDatabase, by deletion: () async throws -> Void) async throws {
        for text in texts { #expect(copies(of: text, in: database).log > 0, "the log holds \(text) before the deletion") }
        try await deletion()
        for text in texts {
            let left = copies(of: text, in: database)
            #expect(left.file == 0 && left.log == 0, "\(text): \(left.file) in the file, \(left.log) in the log")
        }
    }

    @Test func aRedactionLeavesNoCopyOfTheWords() async throws {
        let database = try scratchDatabase()
        let reference = try await Self.voice(in: database)
        try await Self.expectErased(["Quokka-Zanzibar-7193", Self.email], in: database) {
            try await database.voices.change(
                voice: reference, formID: "community-voice", .redact(questionID: "voice", passage: "Quokka-Zanzibar-7193"),
                by: "lead", client: nil, at: storeTestNow)
            try await database.voices.change(
                voice: reference, formID: "community-voice", .redact(questionID: "contact-email", passage: Self.email),
                by: "lead", client: nil, at: storeTestNow)
        }
        #expect(database.journalSize() == 0)
    }

    @Test func aDeletedVoiceLeavesNoCopy() async throws {
        let database = try scratchDatabase()
        let reference = try await Self.voice(in: database, quarantined: true)
        try await Self.expectErased([Self.words, Self.email], in: database) {
            try await database.voices.change(voice: reference, formID: "community-voice", .delete, by: "lead", client: nil, at: storeTestNow)
        }
    }

    @Test func retentionLeavesNoCopy() async throws {
        let database = try scratchDatabase()
        _ = try await Self.voice(in: database)
        try await Self.expectErased([Self.words, Self.email], in: database) {
            for (part, question) in [(RetainedPart.text, "voice"), (.contactDetails, "contact-email")] {
                let deleted = try await database.voices.applyRetention(
                    formID: "community-voice", part: part, questionIDs: [question], submittedBefore: storeTestNow, at: storeTestNow)
                #expect(deleted == 1)
            }
        }
    }

    @Test func expiredDraftsLeaveNoCopy() async throws {
        let database = try scratchDatabase()
        try await database.responses.updateDraft(
            respondentKey: Data(repeating: 7, count: 32), formID: "community-voice", formVersion: 1,
            at: storeTestNow.addingTimeInterval(-40 * 86_400)
        ) { _ in Draft(answers: ["voice": [Self.words]]) }
        try await Self.expectErased([Self.words], in: database) {
            let deleted = try await database.responses.deleteDrafts(
                changedBefore: storeTestNow.addingTimeInterval(-30 * 86_400), keepingRoundsOpenOn: CalendarDay(year: 2025, month: 6, day: 15)!)
            #expect(deleted == 1)
        }
    }

    @Test func sentMailLeavesNoCopyOnceTheWorkerErasesIt() async throws {
        let database = try scratchDatabase()
        let link = "https://forms.example.org/i/Quokka7193PersonalLinkToken"
        try await database.outbox.enqueue(
            [
                OutboxMessage(
                    messageID: "<m@svforms.test>", kind: "invitation", recipient: "ada@police.example", subject: "Invitation",
                    payload: Data("{\"body\":\"\(link)\"}".utf8))
            ], at: storeTestNow)
        let id = try #require(try await database.outbox.dueMail(at: storeTestNow, limit: 1).first?.id)
        try await Self.expectErased([link], in: database) {
            try await database.outbox.markSent(id, attempts: 1, at: storeTestNow)
            #expect(await database.eraseFromJournal())
        }
    }

    @Test func aDeletedPublicLinkResponseLeavesNoCopy() async throws {
        let database = try scratchDatabase()
        let reference = try #require(
            try await database.responses.submit(
                respondentKey: nil, formID: "role-understanding", formVersion: 1, answers: ["job-role": [Self.words]], at: storeTestNow,
                linkResponse: NewLinkResponse()))
        try await Self.expectErased([Self.words], in: database) {
            let deleted = try await database.responses.decide(
                linkResponse: reference, formID: "role-understanding", accept: false, by: "lead", client: nil, at: storeTestNow)
            #expect(deleted)
        }
    }

    @Test func aRemovedRepresentativeLeavesNoCopyOfTheirAnswersInProgress() async throws {
        let database = try scratchDatabase()
        let round = try await roundWith([("Quokka Zanzibar", Self.email)], in: database)
        let ada = try #require(try await database.rounds.representatives(roundID: round.id).first)
        try await database.responses.updateDraft(respondentKey: ada.draftKey, formID: "role-understanding", formVersion: 1, at: storeTestNow) { _ in
            Draft(answers: ["job-role": [Self.words]])
        }
        try await Self.expectErased([Self.words, Self.email], in: database) {
            let removed = try await database.rounds.removeRepresentative(ada.id, from: round.id)
            #expect(removed != nil)
        }
    }

    @Test func aDeletedMeetingLeavesNoCopyOfItsNote() async throws {
        let database = try scratchDatabase()
        let day = CalendarDay(year: 2025, month: 6, day: 10)!
        let id = try await database.framework.createMeeting(
            MeetingDraft(bodyID: "data", heldOn: day, attendees: ["police"], note: Self.words), by: "lead", at: storeTestNow)
        try await Self.expectErased([Self.words], in: database) {
            let deleted = try await database.framework.deleteMeeting(id)
            #expect(deleted != nil)
        }
    }

    /// A reader holding an old snapshot (a long download) keeps the log: the erasure is retried until it can run.
    @Test func theErasureWaitsOutAReaderAndThenRuns() async throws {
        let database = try scratchDatabase()
        let reference = try await Self.voice(in: database, quarantined: true)
        let reader = try DatabaseQueue(path: database.writer.path)
        let release = DispatchSemaphore(value: 0)
        let reading = DispatchSemaphore(value: 0)
        let holder = Thread {
            try? reader.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM response")
                reading.signal()
                release.wait()
            }
        }
        holder.start()
        reading.wait()
        try await database.voices.change(voice: reference, formID: "community-voice", .delete, by: "lead", client: nil, at: storeTestNow)
        #expect(Self.copies(of: Self.words, in: database).log > 0, "held back by the reader")
        release.signal()
        // The first retry comes a second later.
        let deadline = Date().addingTimeInterval(10)
        while Self.copies(of: Self.words, in: database) != (0, 0), Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        let left = Self.copies(of: Self.words, in: database)
        #expect(left.file == 0 && left.log == 0, "\(left)")
    }
}
