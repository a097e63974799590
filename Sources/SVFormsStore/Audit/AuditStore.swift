import Foundation
import GRDB

extension AuditStore {
    /// Appends to the audit log; committed before the audited download or sign-in completes.
    public func record(_ event: AuditEvent) async throws {
        try await write { db in try AppDatabase.insert(event, db) }
    }

    /// The most recent events first.
    public func auditEvents(limit: Int, offset: Int = 0) async throws -> [AuditEvent] {
        try await writer.read { db in
            try AuditEventRecord.order(AuditEventRecord.Columns.id.desc).limit(limit, offset: offset).fetchAll(db).map(\.event)
        }
    }

    /// How many events the audit log holds.
    public func auditEventCount() async throws -> Int {
        try await writer.read { try AuditEventRecord.fetchCount($0) }
    }
}

extension AppDatabase {
    static func insert(_ event: AuditEvent, _ db: Database) throws {
        var record = AuditEventRecord(
            id: nil, at: Timestamp.string(event.at), actor: event.actor, action: event.action, subject: event.subject,
            rowCount: event.rowCount, client: event.client)
        try record.insert(db)
    }
}
