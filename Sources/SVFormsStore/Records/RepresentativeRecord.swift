import Foundation
import GRDB
import SVFormsCore

/// A row of `representative`.
struct RepresentativeRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "representative"

    var id: Int64?
    var roundID: Int64
    var name: String
    var email: String
    var organisationID: String
    var draftKey: Data
    var invitedAt: String?
    var remindedAt: String?
    var submittedAt: String?
    var responseReference: String?
    var reminderCount: Int

    enum CodingKeys: String, CodingKey {
        case id
        case roundID = "round_id"
        case name, email
        case organisationID = "organisation_id"
        case draftKey = "draft_key"
        case invitedAt = "invited_at"
        case remindedAt = "reminded_at"
        case submittedAt = "submitted_at"
        case responseReference = "response_reference"
        case reminderCount = "reminder_count"
    }

    enum Columns {
        static let roundID = Column(CodingKeys.roundID)
        static let submittedAt = Column(CodingKeys.submittedAt)
        static let invitedAt = Column(CodingKeys.invitedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    func representative(hasStarted: Bool) -> Representative {
        Representative(
            id: id ?? 0, roundID: roundID, name: name, email: email, organisationID: organisationID, draftKey: draftKey,
            invitedAt: invitedAt.flatMap(Timestamp.date), remindedAt: remindedAt.flatMap(Timestamp.date),
            submittedAt: submittedAt.flatMap(Timestamp.date), responseReference: responseReference, reminderCount: reminderCount,
            hasStarted: hasStarted || submittedAt != nil)
    }
}
