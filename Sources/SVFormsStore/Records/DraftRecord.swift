import Foundation
import GRDB

/// A row of `draft`: answers in progress, keyed by the SHA-256 of the respondent's cookie token.
struct DraftRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "draft"

    var respondentKey: Data
    var formID: String
    var formVersion: Int
    /// JSON of `Draft`.
    var state: String
    var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case respondentKey = "respondent_key"
        case formID = "form_id"
        case formVersion = "form_version"
        case state
        case updatedAt = "updated_at"
    }

    enum Columns {
        static let respondentKey = Column(CodingKeys.respondentKey)
        static let formID = Column(CodingKeys.formID)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }

    static func filter(respondentKey: Data, formID: String) -> QueryInterfaceRequest<DraftRecord> {
        filter(Columns.respondentKey == respondentKey && Columns.formID == formID)
    }
}
