import Foundation
import SVFormsStore
import Testing

private let now = Date(timeIntervalSince1970: 1_750_000_000)

@Suite struct AccountStoreTests {
    @Test func emailsAreUniqueWhateverTheirCase() async throws {
        let database = try scratchDatabase()
        try await database.accounts.createAccount(email: "Lead@Example.org", passwordHash: "x", role: .lead, at: now)
        await #expect(throws: AccountError.emailAlreadyUsed) {
            try await database.accounts.createAccount(email: "lead@example.ORG", passwordHash: "y", role: .viewer, at: now)
        }
        #expect(try await database.accounts.accountForSignIn(email: "LEAD@EXAMPLE.ORG")?.account.role == .lead)
    }

    @Test func rolesIncludeTheOnesBelowThem() {
        #expect(Role.admin.includes(.lead) && Role.admin.includes(.viewer))
        #expect(Role.lead.includes(.viewer) && !Role.lead.includes(.admin))
        #expect(!Role.viewer.includes(.lead))
    }

    @Test func disablingEndsEverySessionOfTheAccount() async throws {
        let database = try scratchDatabase()
        let account = try await database.accounts.createAccount(email: "lead@example.org", passwordHash: "x", role: .lead, at: now)
        let tokens = [Data(repeating: 1, count: 32), Data(repeating: 2, count: 32)]
        for token in tokens { try await database.accounts.createSession(tokenHash: token, accountID: account.id, at: now) }
        try await database.accounts.disableAccount(email: "lead@example.org", at: now)
        for token in tokens { #expect(try await database.accounts.session(tokenHash: token) == nil) }
        #expect(try await database.accounts.accountForSignIn(email: "lead@example.org")?.account.isDisabled == true)
        await #expect(throws: AccountError.noSuchAccount) { try await database.accounts.disableAccount(email: "ghost@example.org", at: now) }
    }

    @Test func expiredSessionsAreDeleted() async throws {
        let database = try scratchDatabase()
        let account = try await database.accounts.createAccount(email: "lead@example.org", passwordHash: "x", role: .lead, at: now)
        let idle = Data(repeating: 1, count: 32)
        let old = Data(repeating: 2, count: 32)
        let live = Data(repeating: 3, count: 32)
        try await database.accounts.createSession(tokenHash: old, accountID: account.id, at: now)
        try await database.accounts.createSession(tokenHash: idle, accountID: account.id, at: now.addingTimeInterval(3600))
        try await database.accounts.createSession(tokenHash: live, accountID: account.id, at: now.addingTimeInterval(3600))
        try await database.accounts.touchSession(tokenHash: old, at: now.addingTimeInterval(7200))
        try await database.accounts.touchSession(tokenHash: live, at: now.addingTimeInterval(7200))
        let removed = try await database.accounts.deleteSessions(idleSince: now.addingTimeInterval(5400), startedBefore: now.addingTimeInterval(1800))
        #expect(removed == 2)
        #expect(try await database.accounts.session(tokenHash: live) != nil)
    }

    @Test func theSetupLinkCreatesOneAdminEvenWhenRacing() async throws {
        let database = try scratchDatabase()
        let link = Data(repeating: 5, count: 32)
        try await database.accounts.createSetupToken(hash: link, expiresAt: now.addingTimeInterval(3600))
        #expect(try await database.accounts.isSetupTokenUsable(hash: link, at: now))
        #expect(try await !database.accounts.isSetupTokenUsable(hash: link, at: now.addingTimeInterval(3600)))
        let created = try await withThrowingTaskGroup(of: Account?.self) { group in
            for index in 0..<5 {
                group.addTask {
                    try await database.accounts.createFirstAdmin(setupTokenHash: link, email: "admin\(index)@example.org", passwordHash: "x", at: now)
                }
            }
            return try await group.reduce(into: [Account?]()) { $0.append($1) }
        }
        #expect(created.compactMap { $0 }.count == 1)
        #expect(try await database.accounts.hasActiveAdmin())
        #expect(try await !database.accounts.isSetupTokenUsable(hash: link, at: now))
    }

    @Test func theAuditLogReadsNewestFirst() async throws {
        let database = try scratchDatabase()
        for index in 0..<3 {
            try await database.audit.record(
                AuditEvent(at: now.addingTimeInterval(Double(index)), actor: "a", action: "action.\(index)", rowCount: index))
        }
        #expect(try await database.audit.auditEvents(limit: 2).map(\.action) == ["action.2", "action.1"])
        #expect(try await database.audit.auditEvents(limit: 2, offset: 2).map(\.action) == ["action.0"])
        #expect(try await database.audit.auditEventCount() == 3)
    }
}
