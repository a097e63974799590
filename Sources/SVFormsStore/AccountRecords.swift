import Foundation
import GRDB

/// A row of `account`.
struct AccountRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "account"

    var id: Int64?
    var email: String
    var passwordHash: String
    var role: String
    var createdAt: String
    var disabledAt: String?

    enum CodingKeys: String, CodingKey {
        case id, email, passwordHash = "password_hash", role, createdAt = "created_at", disabledAt = "disabled_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let email = Column(CodingKeys.email)
        static let role = Column(CodingKeys.role)
        static let disabledAt = Column(CodingKeys.disabledAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var account: Account {
        Account(
            id: id ?? 0, email: email, role: Role(rawValue: role) ?? .viewer,
            createdAt: Timestamp.date(createdAt) ?? .distantPast, disabledAt: disabledAt.flatMap(Timestamp.date))
    }
}

/// A row of `session`.
struct SessionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "session"

    var tokenHash: Data
    var accountID: Int64
    var createdAt: String
    var lastSeenAt: String

    enum CodingKeys: String, CodingKey {
        case tokenHash = "token_hash", accountID = "account_id", createdAt = "created_at", lastSeenAt = "last_seen_at"
    }

    enum Columns {
        static let tokenHash = Column(CodingKeys.tokenHash)
        static let accountID = Column(CodingKeys.accountID)
        static let createdAt = Column(CodingKeys.createdAt)
        static let lastSeenAt = Column(CodingKeys.lastSeenAt)
    }
}

/// A row of `setup_token`.
struct SetupTokenRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "setup_token"

    var tokenHash: Data
    var expiresAt: String
    var usedAt: String?

    enum CodingKeys: String, CodingKey {
        case tokenHash = "token_hash", expiresAt = "expires_at", usedAt = "used_at"
    }
}

/// A row of `audit_event`.
struct AuditEventRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "audit_event"

    var id: Int64?
    var at: String
    var actor: String
    var action: String
    var subject: String?
    var rowCount: Int?
    var client: String?

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, subject, rowCount = "row_count", client
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
    }

    var event: AuditEvent {
        AuditEvent(
            at: Timestamp.date(at) ?? .distantPast, actor: actor, action: action, subject: subject, rowCount: rowCount,
            client: client)
    }
}
