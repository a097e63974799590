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
    var notifySubmissions = false
    var notifyDigest = false

    enum CodingKeys: String, CodingKey {
        case id, email
        case passwordHash = "password_hash"
        case role
        case createdAt = "created_at"
        case disabledAt = "disabled_at"
        case notifySubmissions = "notify_submissions"
        case notifyDigest = "notify_digest"
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
            createdAt: Timestamp.date(createdAt) ?? .distantPast, disabledAt: disabledAt.flatMap(Timestamp.date),
            notifySubmissions: notifySubmissions, notifyDigest: notifyDigest)
    }
}
