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
        case id, reference, formID = "form_id", formVersion = "form_version", submittedAt = "submitted_at"
    }

    enum Columns {
        static let reference = Column(CodingKeys.reference)
        static let formID = Column(CodingKeys.formID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
