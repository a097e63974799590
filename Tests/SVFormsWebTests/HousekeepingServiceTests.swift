import Foundation
import Logging
import SVFormsStore
import Testing

@testable import SVFormsBackground
@testable import SVFormsWeb

@Suite struct HousekeepingServiceTests {
    @Test func expiredDraftsAndSessionsAreSweptAway() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svforms-sweep-\(UUID().uuidString)").path
        let database = try AppDatabase(directory: directory)
        let start = Date(timeIntervalSince1970: 1_750_000_000)
        let stale = Data(repeating: 1, count: 32)
        let fresh = Data(repeating: 2, count: 32)
        try await database.responses.updateDraft(respondentKey: stale, formID: "f", formVersion: 1, at: start) { $0 }
        try await database.responses.updateDraft(respondentKey: fresh, formID: "f", formVersion: 1, at: start.addingTimeInterval(29 * 86_400)) { $0 }
        let account = try await database.accounts.createAccount(email: "lead@example.org", passwordHash: "x", role: .lead, at: start)
        try await database.accounts.createSession(tokenHash: stale, accountID: account.id, at: start)

        let service = HousekeepingService(
            database: database, timeZone: TimeZone(identifier: "Europe/London")!, attemptWindow: AttemptThrottle.longestWindow,
            now: { start.addingTimeInterval(30 * 86_400 + 1) },
            logger: Logger(label: "test"))
        await service.sweep()
        #expect(try await database.responses.draft(respondentKey: stale, formID: "f") == nil)
        #expect(try await database.responses.draft(respondentKey: fresh, formID: "f") != nil)
        #expect(try await database.accounts.session(tokenHash: stale) == nil)
    }
}
