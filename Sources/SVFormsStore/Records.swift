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
        case respondentKey = "respondent_key", formID = "form_id", formVersion = "form_version", state
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

/// A row of `answer`: one value of one question in a response (multiple choice gives several).
struct AnswerRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "answer"

    var responseID: Int64
    var questionID: String
    var position: Int
    var value: String

    enum CodingKeys: String, CodingKey {
        case responseID = "response_id", questionID = "question_id", position, value
    }

    enum Columns {
        static let responseID = Column(CodingKeys.responseID)
        static let questionID = Column(CodingKeys.questionID)
        static let position = Column(CodingKeys.position)
    }
}
