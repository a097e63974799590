import Foundation
import GRDB
import SVFormsCore

extension RoundStore {
    /// Stops a round taking answers now, before its closing date. Returns false when there is no such round.
    public func closeRound(_ id: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "UPDATE survey_round SET closed_at = ? WHERE id = ?", arguments: [Timestamp.string(now), id])
            return db.changesCount > 0
        }
    }

    /// Moves a round's closing date, reopening it if it was closed early. The caller checks the day is
    /// not before the opening date (the table refuses it anyway).
    public func changeClosingDate(_ id: Int64, to day: CalendarDay) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "UPDATE survey_round SET closes_on = ?, closed_at = NULL WHERE id = ?", arguments: [day.description, id])
            return db.changesCount > 0
        }
    }

    /// Corrects the name, email or organisation of someone who has not submitted. A new email address ends
    /// every link sent to the old one; if they had been invited, their new invitation (from `compose`) is
    /// queued in the same transaction, so the correction and the mail happen together or not at all.
    /// Returns the person as corrected, or nil when there is no such person still to answer.
    public func correctRepresentative(
        _ id: Int64, in roundID: Int64, to corrected: NewRepresentative, at now: Date,
        compose: @escaping @Sendable (Representative) throws -> PersonalMail
    ) async throws -> Representative? {
        try await write { db in
            guard let person = try AppDatabase.representative(id, in: roundID, db), person.submittedAt == nil else { return nil }
            do {
                try db.execute(
                    sql: "UPDATE representative SET name = ?, email = ?, organisation_id = ? WHERE id = ?",
                    arguments: [corrected.name, corrected.email, corrected.organisationID, id])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw RoundError.alreadyInRound(corrected.email)
            }
            guard let updated = try AppDatabase.representative(id, in: roundID, db) else { return nil }
            if person.email.lowercased() != corrected.email.lowercased(), person.invitedAt != nil {
                try Self.queue(.invitationAgain, try compose(updated), to: updated, at: now, db)
            }
            return try AppDatabase.representative(id, in: roundID, db)
        }
    }

    /// Keeps one more personal link for someone who has not submitted, for a lead to pass on by hand.
    /// Their other links keep working. Returns false when there is no such person still to answer.
    public func addLink(tokenHash: Data, for id: Int64, in roundID: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            guard let person = try AppDatabase.representative(id, in: roundID, db), person.submittedAt == nil else { return false }
            try InvitationTokenRecord(tokenHash: tokenHash, representativeID: id, createdAt: Timestamp.string(now)).insert(db)
            return true
        }
    }
}
