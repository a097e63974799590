import Foundation
import GRDB

extension AccountStore {
    /// Stores a new session for the account, by the hash of its cookie token.
    public func createSession(tokenHash: Data, accountID: Int64, at now: Date) async throws {
        let time = Timestamp.string(now)
        try await write { db in
            try SessionRecord(tokenHash: tokenHash, accountID: accountID, createdAt: time, lastSeenAt: time).insert(db)
        }
    }

    /// The session and its account; nil when there is no such session.
    public func session(tokenHash: Data) async throws -> StoredSession? {
        try await writer.read { db in
            guard let session = try SessionRecord.fetchOne(db, key: tokenHash),
                let account = try AccountRecord.fetchOne(db, key: session.accountID)
            else { return nil }
            return StoredSession(
                account: account.account, createdAt: Timestamp.date(session.createdAt) ?? .distantPast,
                lastSeenAt: Timestamp.date(session.lastSeenAt) ?? .distantPast)
        }
    }

    /// Records activity on a session, which restarts its idle timeout.
    public func touchSession(tokenHash: Data, at now: Date) async throws {
        let time = Timestamp.string(now)
        try await write { db in
            _ = try SessionRecord.filter(SessionRecord.Columns.tokenHash == tokenHash)
                .updateAll(db, SessionRecord.Columns.lastSeenAt.set(to: time))
        }
    }

    /// Ends a session (signing out, or finding it expired).
    public func deleteSession(tokenHash: Data) async throws {
        try await write { db in _ = try SessionRecord.deleteOne(db, key: tokenHash) }
    }

    /// Deletes sessions idle since `idleCutoff` or started before `absoluteCutoff`; returns how many.
    @discardableResult
    public func deleteSessions(idleSince idleCutoff: Date, startedBefore absoluteCutoff: Date) async throws -> Int {
        let idle = Timestamp.string(idleCutoff)
        let started = Timestamp.string(absoluteCutoff)
        return try await write { db in
            try SessionRecord.filter(SessionRecord.Columns.lastSeenAt < idle || SessionRecord.Columns.createdAt < started).deleteAll(db)
        }
    }
}
