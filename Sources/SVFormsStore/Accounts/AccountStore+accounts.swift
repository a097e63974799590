import Foundation
import GRDB

extension AccountStore {
    /// Creates an account; the email is unique whatever its case.
    @discardableResult
    public func createAccount(email: String, passwordHash: String, role: Role, at now: Date) async throws -> Account {
        try await write { db in try AppDatabase.insertAccount(db, email: email, passwordHash: passwordHash, role: role, at: now) }
    }

    /// The account and its password hash, for signing in.
    public func accountForSignIn(email: String) async throws -> (account: Account, passwordHash: String)? {
        try await writer.read { db in
            try AccountRecord.filter(AccountRecord.Columns.email == email).fetchOne(db).map { ($0.account, $0.passwordHash) }
        }
    }

    /// Every account, by email address.
    public func accounts() async throws -> [Account] {
        try await writer.read { db in try AccountRecord.order(AccountRecord.Columns.email).fetchAll(db).map(\.account) }
    }

    /// Disables an account and ends its sessions at once. The last active admin cannot be disabled:
    /// nobody could then manage accounts or read the audit log.
    public func disableAccount(email: String, at now: Date) async throws {
        try await write { db in
            guard var record = try AccountRecord.filter(AccountRecord.Columns.email == email).fetchOne(db) else {
                throw AccountError.noSuchAccount
            }
            if record.role == Role.admin.rawValue, record.disabledAt == nil, try AppDatabase.activeAdminCount(db) == 1 {
                throw AccountError.lastActiveAdmin
            }
            if record.disabledAt == nil {
                record.disabledAt = Timestamp.string(now)
                try record.update(db)
            }
            try SessionRecord.filter(SessionRecord.Columns.accountID == record.id).deleteAll(db)
        }
    }

    /// Whether an admin who can sign in exists (when none does, `serve` offers a setup link).
    public func hasActiveAdmin() async throws -> Bool {
        try await writer.read { db in try AppDatabase.activeAdminCount(db) > 0 }
    }

    // MARK: First-run setup

    /// Stores a one-time setup link (by its hash) that expires at `expiresAt`. Any earlier unused
    /// link stops working: only the one printed last is live.
    public func createSetupToken(hash: Data, expiresAt: Date) async throws {
        try await write { db in
            try SetupTokenRecord.filter(Column("used_at") == nil).deleteAll(db)
            try SetupTokenRecord(tokenHash: hash, expiresAt: Timestamp.string(expiresAt), usedAt: nil).insert(db)
        }
    }

    /// Whether the setup link is unused, unexpired, and no admin exists yet.
    public func isSetupTokenUsable(hash: Data, at now: Date) async throws -> Bool {
        try await writer.read { db in try AppDatabase.usableSetupToken(db, hash: hash, at: now) != nil }
    }

    /// Creates the first admin through the setup link, in one transaction that also spends the link.
    /// Returns nil when the link is unknown, used, expired, or an admin already exists.
    public func createFirstAdmin(setupTokenHash: Data, email: String, passwordHash: String, at now: Date) async throws -> Account? {
        try await write { db in
            guard var token = try AppDatabase.usableSetupToken(db, hash: setupTokenHash, at: now) else { return nil }
            token.usedAt = Timestamp.string(now)
            try token.update(db)
            return try AppDatabase.insertAccount(db, email: email, passwordHash: passwordHash, role: .admin, at: now)
        }
    }
}

extension AppDatabase {
    static func insertAccount(_ db: Database, email: String, passwordHash: String, role: Role, at now: Date) throws -> Account {
        var record = AccountRecord(
            id: nil, email: email, passwordHash: passwordHash, role: role.rawValue, createdAt: Timestamp.string(now), disabledAt: nil)
        do {
            try record.insert(db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw AccountError.emailAlreadyUsed
        }
        return record.account
    }

    static func activeAdminCount(_ db: Database) throws -> Int {
        try AccountRecord.filter(AccountRecord.Columns.role == Role.admin.rawValue && AccountRecord.Columns.disabledAt == nil)
            .fetchCount(db)
    }

    fileprivate static func usableSetupToken(_ db: Database, hash: Data, at now: Date) throws -> SetupTokenRecord? {
        guard let token = try SetupTokenRecord.fetchOne(db, key: hash), token.usedAt == nil,
            token.expiresAt > Timestamp.string(now)
        else { return nil }
        return try activeAdminCount(db) == 0 ? token : nil
    }
}
