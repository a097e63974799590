import Foundation
import GRDB
import SVFormsCore
import Testing

@testable import SVFormsStore

/// A database in its own temporary directory, as the server opens it.
private func temporaryDatabase() throws -> (AppDatabase, String) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svforms-db-\(UUID().uuidString)").path
    return (try AppDatabase(directory: directory), directory)
}

private let respondent = Data(repeating: 7, count: 32)

@Suite struct AppDatabaseTests {
    @Test func opensInWALWithFullSynchronousAndForeignKeys() throws {
        let (database, directory) = try temporaryDatabase()
        let settings = try database.durabilitySettings()
        #expect(settings.journalMode == "wal")
        #expect(settings.synchronous == 2)  // FULL
        let foreignKeys = try database.writer.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == 1)
        #expect(FileManager.default.fileExists(atPath: directory + "/svforms.sqlite"))
        #expect(try database.integrityCheck() == "ok")
    }

    @Test func draftsRoundTripAndAreReplaced() async throws {
        let (database, _) = try temporaryDatabase()
        #expect(try await database.responses.draft(respondentKey: respondent, formID: "f") == nil)
        let first = Draft(answers: ["a": ["1"]], completedPages: ["p1"])
        try await database.responses.updateDraft(respondentKey: respondent, formID: "f", formVersion: 2, at: Date()) { _ in first }
        #expect(try await database.responses.draft(respondentKey: respondent, formID: "f") == StoredDraft(formVersion: 2, draft: first))
        let second = try await database.responses.updateDraft(respondentKey: respondent, formID: "f", formVersion: 3, at: Date()) { previous in
            var next = previous
            next.answers["b"] = ["x", "y"]
            next.completedPages.append("p2")
            return next
        }
        #expect(second == Draft(answers: ["a": ["1"], "b": ["x", "y"]], completedPages: ["p1", "p2"]))
        #expect(try await database.responses.draft(respondentKey: respondent, formID: "f") == StoredDraft(formVersion: 3, draft: second))
        #expect(try await database.responses.draft(respondentKey: respondent, formID: "other") == nil)
    }

    @Test func concurrentUpdatesOfOneDraftLoseNothing() async throws {
        let (database, _) = try temporaryDatabase()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for page in 0..<50 {
                group.addTask {
                    try await database.responses.updateDraft(respondentKey: respondent, formID: "f", formVersion: 1, at: Date()) { draft in
                        var next = draft
                        next.answers["q\(page)"] = ["\(page)"]
                        next.completedPages.append("p\(page)")
                        return next
                    }
                }
            }
            try await group.waitForAll()
        }
        let stored = try #require(try await database.responses.draft(respondentKey: respondent, formID: "f"))
        #expect(stored.draft.answers.count == 50)
        #expect(Set(stored.draft.completedPages).count == 50)
    }

    @Test func draftsUntouchedForTheirLifetimeAreDeleted() async throws {
        let (database, _) = try temporaryDatabase()
        let old = Date(timeIntervalSince1970: 1_700_000_000)
        let other = Data(repeating: 9, count: 32)
        try await database.responses.updateDraft(respondentKey: respondent, formID: "f", formVersion: 1, at: old) { $0 }
        try await database.responses.updateDraft(respondentKey: other, formID: "f", formVersion: 1, at: old.addingTimeInterval(86_400)) { $0 }
        #expect(
            try await database.responses.deleteDrafts(
                changedBefore: old.addingTimeInterval(3_600), keepingRoundsOpenOn: CalendarDay(year: 2023, month: 11, day: 15)!) == 1)
        #expect(try await database.responses.draft(respondentKey: respondent, formID: "f") == nil)
        #expect(try await database.responses.draft(respondentKey: other, formID: "f") != nil)
    }

    @Test func submittingStoresEveryAnswerAndRemovesTheDraft() async throws {
        let (database, _) = try temporaryDatabase()
        try await database.responses.updateDraft(respondentKey: respondent, formID: "f", formVersion: 1, at: Date()) { $0 }
        let when = Date(timeIntervalSince1970: 1_743_460_200)  // 2025-03-31T22:30:00Z
        let answers: Answers = ["worries": ["knives", "drugs"], "story": ["It's <b>bad</b> here; DROP TABLE response;"]]
        let reference = try #require(
            try await database.responses.submit(respondentKey: respondent, formID: "f", formVersion: 4, answers: answers, at: when))
        #expect(Reference.isWellFormed(reference))
        let stored = try #require(try await database.responses.response(reference: reference))
        #expect(stored.formID == "f")
        #expect(stored.formVersion == 4)
        #expect(stored.answers == answers)
        #expect(stored.submittedAt == when)
        #expect(try await database.responses.draft(respondentKey: respondent, formID: "f") == nil)
        #expect(try await database.responses.responseCount(formID: "f") == 1)
        let text = try await database.writer.read { try String.fetchOne($0, sql: "SELECT submitted_at FROM response") }
        #expect(text == "2025-03-31T22:30:00.000Z")
    }

    @Test func referencesAreUniqueAcrossManySubmissions() async throws {
        let (database, _) = try temporaryDatabase()
        var references: Set<String> = []
        for _ in 0..<200 {
            let reference = try await database.responses.submit(respondentKey: nil, formID: "f", formVersion: 1, answers: ["a": ["b"]], at: Date())
            references.insert(try #require(reference))
        }
        #expect(references.count == 200)
    }

    @Test func racingSubmitsOfOneDraftStoreOneResponse() async throws {
        let (database, _) = try temporaryDatabase()
        try await database.responses.updateDraft(respondentKey: respondent, formID: "f", formVersion: 1, at: Date()) { $0 }
        let references = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    try await database.responses.submit(respondentKey: respondent, formID: "f", formVersion: 1, answers: ["a": ["b"]], at: Date())
                }
            }
            return try await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(references.compactMap { $0 }.count == 1)
        #expect(try await database.responses.responseCount(formID: "f") == 1)
    }

    @Test func theSchemaRefusesWhatShouldNeverBeStored() throws {
        let (database, _) = try temporaryDatabase()
        #expect(throws: DatabaseError.self) {
            try database.writer.write {
                try $0.execute(sql: "INSERT INTO answer (response_id, question_id, position, value) VALUES (999, 'q', 0, 'v')")
            }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write {
                try $0.execute(sql: "INSERT INTO response (reference, form_id, form_version, submitted_at) VALUES ('SHORT', 'f', 1, 'now')")
            }
        }
    }

    @Test func aReadOnlyDatabaseIsReportedAsUnavailable() async throws {
        let (database, directory) = try temporaryDatabase()
        try await database.responses.updateDraft(respondentKey: respondent, formID: "f", formVersion: 1, at: Date()) { $0 }
        var configuration = Configuration()
        configuration.readonly = true
        let pool = try DatabasePool(path: directory + "/svforms.sqlite", configuration: configuration)
        let readOnly = AppDatabase(unmigrated: pool)
        await #expect(throws: StorageUnavailable.self) {
            try await readOnly.responses.updateDraft(respondentKey: respondent, formID: "g", formVersion: 1, at: Date()) { $0 }
        }
    }

    @Test func theServerSecretIsCreatedOnceAndKept() throws {
        let (database, directory) = try temporaryDatabase()
        let first = try database.secret(named: "cookies")
        #expect(first.count == 32)
        let reopened = try AppDatabase(directory: directory)
        #expect(try reopened.secret(named: "cookies") == first)
        #expect(try reopened.secret(named: "other") != first)
    }
}
