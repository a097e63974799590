import Foundation
import GRDB

/// A row of `audit_event`.
struct AuditEventRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "audit_event"

    var id: Int64?
    var at: String
    var actor: String
    var action: String
    var subject: String?
    var rowCount: Int?
    var client: String?

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, subject
        case rowCount = "row_count"
        case client
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
    }

    var event: AuditEvent {
        AuditEvent(
            at: Timestamp.date(at) ?? .distantPast, actor: actor, action: action, subject: subject, rowCount: rowCount,
            client: client)
    }
}
