import Foundation
import GRDB

extension AccountStore {
    /// Saves one account's choices.
    public func setNotifications(accountID: Int64, submissions: Bool, digest: Bool) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE account SET notify_submissions = ?, notify_digest = ? WHERE id = ?",
                arguments: [submissions, digest, accountID])
        }
    }

    /// Active leads and admins who asked for `kind` (viewers never receive response-level news).
    public func accountsToNotify(_ kind: NotificationKind) async throws -> [Account] {
        try await writer.read { try AppDatabase.accountsToNotify(kind, $0) }
    }
}

extension AppDatabase {
    static func accountsToNotify(_ kind: NotificationKind, _ db: Database) throws -> [Account] {
        let column = kind == .submissions ? "notify_submissions" : "notify_digest"
        return try AccountRecord.filter(sql: "\(column) = 1 AND disabled_at IS NULL AND role IN ('admin', 'lead')")
            .order(AccountRecord.Columns.email).fetchAll(db).map(\.account)
    }
}
