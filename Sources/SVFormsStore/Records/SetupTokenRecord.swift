import Foundation
import GRDB

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
