import Foundation
import GRDB
import SVFormsCore

/// A row of `invitation_token`.
struct InvitationTokenRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "invitation_token"

    var tokenHash: Data
    var representativeID: Int64
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case tokenHash = "token_hash"
        case representativeID = "representative_id"
        case createdAt = "created_at"
    }
}
