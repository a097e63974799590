import Foundation
import GRDB

/// A row of `setup_token`.
struct SetupTokenRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "setup_token"

    var tokenHash: Data
    var expiresAt: String
    var usedAt: String?

    enum CodingKeys: String, CodingKey {
        case tokenHash = "token_hash"
        case expiresAt = "expires_at"
        case usedAt = "used_at"
    }
}
