import Foundation
import GRDB

/// A row of `session`.
struct SessionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "session"

    var tokenHash: Data
    var accountID: Int64
    var createdAt: String
    var lastSeenAt: String

    enum CodingKeys: String, CodingKey {
        case tokenHash = "token_hash"
        case accountID = "account_id"
        case createdAt = "created_at"
        case lastSeenAt = "last_seen_at"
    }

    enum Columns {
        static let tokenHash = Column(CodingKeys.tokenHash)
        static let accountID = Column(CodingKeys.accountID)
        static let createdAt = Column(CodingKeys.createdAt)
        static let lastSeenAt = Column(CodingKeys.lastSeenAt)
    }
}
