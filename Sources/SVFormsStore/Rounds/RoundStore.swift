import Foundation
import GRDB
import SVFormsCore

extension RoundStore {
    /// Opens a round.
    public func createRound(_ new: NewSurveyRound, by creator: String, at now: Date) async throws -> SurveyRound {
        try await write { db in
            var record = SurveyRoundRecord(
                id: nil, formID: new.formID, name: new.name, opensOn: new.opensOn.description, closesOn: new.closesOn.description,
                reminderDaysBefore: new.reminderDaysBefore, automaticReminderQueuedAt: nil, createdAt: Timestamp.string(now),
                createdBy: creator, closedAt: nil)
            try record.insert(db)
            return record.round
        }
    }

    /// Every round, the newest first.
    public func rounds() async throws -> [SurveyRound] {
        try await writer.read { db in try SurveyRoundRecord.order(Column("id").desc).fetchAll(db).map(\.round) }
    }

    /// One round by its id; nil when there is none.
    public func round(id: Int64) async throws -> SurveyRound? {
        try await writer.read { db in try SurveyRoundRecord.fetchOne(db, key: id)?.round }
    }

    /// Adds people to a round, all or none: one already in the round (or listed twice) stops the whole batch.
    public func addRepresentatives(_ people: [NewRepresentative], to roundID: Int64) async throws {
        try await write { db in
            guard try SurveyRoundRecord.fetchOne(db, key: roundID) != nil else { throw RoundError.noSuchRound }
            for person in people {
                var record = RepresentativeRecord(
                    id: nil, roundID: roundID, name: person.name, email: person.email, organisationID: person.organisationID,
                    draftKey: AppDatabase.randomKey(), invitedAt: nil, remindedAt: nil, submittedAt: nil, responseReference: nil,
                    reminderCount: 0)
                do {
                    try record.insert(db)
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                    throw RoundError.alreadyInRound(person.email)
                }
            }
        }
    }

    /// Takes someone who has not submitted out of a round, with their personal links (which stop
    /// working) and their answers in progress. Returns who was removed; nil if nobody was (unknown,
    /// another round's, or already submitted: a submitted answer stays part of the round).
    public func removeRepresentative(_ id: Int64, from roundID: Int64) async throws -> Representative? {
        let removed: Representative? = try await write { db in
            guard let person = try AppDatabase.representative(id, in: roundID, db), person.submittedAt == nil else { return nil }
            try db.execute(sql: "DELETE FROM draft WHERE respondent_key = ?", arguments: [person.draftKey])
            try db.execute(sql: "DELETE FROM invitation_token WHERE representative_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM representative WHERE id = ?", arguments: [id])
            return person
        }
        if removed != nil { await eraseFromJournal() }  // their answers in progress go from the log too
        return removed
    }

    /// One person of a round; nil when they are not in it.
    public func representative(_ id: Int64, in roundID: Int64) async throws -> Representative? {
        try await writer.read { db in try AppDatabase.representative(id, in: roundID, db) }
    }

    /// The round's people in the order they were added, each with whether they have started.
    public func representatives(roundID: Int64) async throws -> [Representative] {
        try await writer.read { db in
            try AppDatabase.representatives(db, sql: "WHERE representative.round_id = ? ORDER BY representative.id", arguments: [roundID])
        }
    }

    /// The round and person a personal link belongs to.
    public func invitation(tokenHash: Data) async throws -> (round: SurveyRound, representative: Representative)? {
        try await writer.read { db in
            guard let token = try InvitationTokenRecord.fetchOne(db, key: tokenHash),
                let person = try AppDatabase.representatives(db, sql: "WHERE representative.id = ?", arguments: [token.representativeID]).first,
                let round = try SurveyRoundRecord.fetchOne(db, key: person.roundID)
            else { return nil }
            return (round.round, person)
        }
    }
}

extension AppDatabase {
    static func representatives(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Representative] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT representative.*, EXISTS (SELECT 1 FROM draft WHERE draft.respondent_key = representative.draft_key) AS started
                FROM representative \(sql)
                """,
            arguments: arguments)
        return try rows.map { row in try RepresentativeRecord(row: row).representative(hasStarted: row["started"]) }
    }

    /// One person of a round; nil when they are not in it.
    static func representative(_ id: Int64, in roundID: Int64, _ db: Database) throws -> Representative? {
        try representatives(db, sql: "WHERE representative.id = ? AND representative.round_id = ?", arguments: [id, roundID]).first
    }

    /// 32 random bytes: a draft key that says nothing about the person it belongs to.
    static func randomKey() -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}
