import Foundation
import GRDB

/// A row of `response`: one submitted questionnaire.
struct ResponseRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "response"

    var id: Int64?
    var reference: String
    var formID: String
    var formVersion: Int
    var submittedAt: String

    enum CodingKeys: String, CodingKey {
        case id, reference
        case formID = "form_id"
        case formVersion = "form_version"
        case submittedAt = "submitted_at"
    }

    enum Columns {
        static let reference = Column(CodingKeys.reference)
        static let formID = Column(CodingKeys.formID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
