import Foundation
import GRDB
import SVFormsCore

extension FrameworkStore {
    /// Records a meeting and who attended; returns its id.
    public func createMeeting(_ draft: MeetingDraft, by author: String, at now: Date) async throws -> Int64 {
        try await write { db in
            let stamp = Timestamp.string(now)
            try db.execute(
                sql: """
                    INSERT INTO meeting (body_id, held_on, note, created_at, created_by, changed_at, changed_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [draft.bodyID, draft.heldOn.description, draft.note, stamp, author, stamp, author])
            let id = db.lastInsertedRowID
            try AppDatabase.saveAttendance(db, meetingID: id, draft.attendees)
            return id
        }
    }

    /// Replaces a meeting's details and attendance; false when there is no such meeting.
    public func updateMeeting(_ id: Int64, _ draft: MeetingDraft, by author: String, at now: Date) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE meeting SET body_id = ?, held_on = ?, note = ?, changed_at = ?, changed_by = ? WHERE id = ?",
                arguments: [draft.bodyID, draft.heldOn.description, draft.note, Timestamp.string(now), author, id])
            guard db.changesCount == 1 else { return false }
            try db.execute(sql: "DELETE FROM meeting_attendance WHERE meeting_id = ?", arguments: [id])
            try AppDatabase.saveAttendance(db, meetingID: id, draft.attendees)
            return true
        }
    }

    /// Deletes a meeting recorded in error, with its attendance and actions; returns what it was.
    public func deleteMeeting(_ id: Int64) async throws -> Meeting? {
        let deleted: Meeting? = try await write { db in
            guard let meeting = try AppDatabase.meetings(db, where: "WHERE id = ?", arguments: [id]).first else { return nil }
            try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [id])
            return meeting
        }
        if deleted != nil { await eraseFromJournal() }  // its note and actions go from the log too
        return deleted
    }

    public func meeting(id: Int64) async throws -> Meeting? {
        try await writer.read { db in try AppDatabase.meetings(db, where: "WHERE id = ?", arguments: [id]).first }
    }

    /// Meetings held on or before `day` (every one when nil), newest first.
    public func meetings(through day: CalendarDay? = nil) async throws -> [Meeting] {
        try await writer.read { db in
            try AppDatabase.meetings(db, where: "WHERE held_on <= ?", arguments: [day?.description ?? "9999-12-31"])
        }
    }

    /// Adds an action to a meeting; nil when there is no such meeting.
    public func addAction(_ draft: ActionDraft, to meetingID: Int64, by author: String, at now: Date) async throws -> Int64? {
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM meeting WHERE id = ?", arguments: [meetingID]) == true else { return nil }
            try db.execute(
                sql: """
                    INSERT INTO meeting_action (meeting_id, description, owner_id, due_on, status, changed_at, changed_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    meetingID, draft.description, draft.ownerID, draft.dueOn?.description, draft.status.rawValue,
                    Timestamp.string(now), author,
                ])
            return db.lastInsertedRowID
        }
    }

    /// Moves an action of `meetingID` on; false when the meeting has no such action.
    public func setActionStatus(
        _ actionID: Int64, of meetingID: Int64, to status: MeetingAction.Status, by author: String, at now: Date
    ) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE meeting_action SET status = ?, changed_at = ?, changed_by = ? WHERE id = ? AND meeting_id = ?",
                arguments: [status.rawValue, Timestamp.string(now), author, actionID, meetingID])
            return db.changesCount == 1
        }
    }

    /// Actions of meetings held on or before `day` (every one when nil), oldest meeting first.
    public func actions(meetingID: Int64? = nil, through day: CalendarDay? = nil) async throws -> [MeetingAction] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.* FROM meeting_action a JOIN meeting m ON m.id = a.meeting_id
                    WHERE m.held_on <= ? AND (? IS NULL OR a.meeting_id = ?)
                    ORDER BY m.held_on, a.id
                    """,
                arguments: [day?.description ?? "9999-12-31", meetingID, meetingID])
            return rows.compactMap { row in
                guard let status = MeetingAction.Status(rawValue: row["status"]) else { return nil }
                return MeetingAction(
                    id: row["id"], meetingID: row["meeting_id"], description: row["description"], ownerID: row["owner_id"],
                    dueOn: (row["due_on"] as String?).flatMap(CalendarDay.init(iso:)), status: status)
            }
        }
    }
}

extension AppDatabase {
    fileprivate static func saveAttendance(_ db: Database, meetingID: Int64, _ attendees: Set<String>) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO meeting_attendance (meeting_id, organisation_id) VALUES (?, ?)")
        for organisation in attendees.sorted() {
            try insert.execute(arguments: [meetingID, organisation])
        }
    }

    fileprivate static func meetings(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [Meeting] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM meeting \(condition) ORDER BY held_on DESC, id DESC", arguments: arguments)
        var attendance: [Int64: Set<String>] = [:]
        // Only the attendance of the meetings asked for (one, on a meeting's page).
        let attendanceSQL = "SELECT meeting_id, organisation_id FROM meeting_attendance WHERE meeting_id IN (SELECT id FROM meeting \(condition))"
        for row in try Row.fetchAll(db, sql: attendanceSQL, arguments: arguments) {
            attendance[row["meeting_id"], default: []].insert(row["organisation_id"])
        }
        return rows.compactMap { row in
            guard let day = CalendarDay(iso: row["held_on"]) else { return nil }
            let id: Int64 = row["id"]
            return Meeting(id: id, bodyID: row["body_id"], heldOn: day, attendees: attendance[id] ?? [], note: row["note"])
        }
    }
}
