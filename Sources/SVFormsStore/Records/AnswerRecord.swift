import Foundation
import GRDB

/// A row of `answer`: one value of one question in a response (multiple choice gives several).
struct AnswerRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "answer"

    var responseID: Int64
    var questionID: String
    var position: Int
    var value: String

    enum CodingKeys: String, CodingKey {
        case responseID = "response_id"
        case questionID = "question_id"
        case position, value
    }

    enum Columns {
        static let responseID = Column(CodingKeys.responseID)
        static let questionID = Column(CodingKeys.questionID)
        static let position = Column(CodingKeys.position)
    }
}
