import Foundation
import GRDB
import SVFormsCore

extension ResponseStore {
    /// How long answers in progress are kept after their last change.
    public static let draftLifetime: TimeInterval = 30 * 24 * 3600

    /// The answers in progress of one respondent (a browser, or a representative's draft key) to one form.
    public func draft(respondentKey: Data, formID: String) async throws -> StoredDraft? {
        try await writer.read { try AppDatabase.storedDraft(respondentKey: respondentKey, formID: formID, $0) }
    }

    /// Reads the draft, applies `change` and saves the result in one transaction, so two
    /// requests from the same browser (two tabs) cannot overwrite each other's answers.
    /// Committed before the person sees the next page. Returns the saved draft.
    @discardableResult
    public func updateDraft(
        respondentKey: Data, formID: String, formVersion: Int, at now: Date,
        _ change: @escaping @Sendable (Draft) -> Draft
    ) async throws -> Draft {
        try await updateDraft(respondentKey: respondentKey, formID: formID, formVersion: formVersion, at: now, checkingJourney: nil) {
            draft, _ in change(draft)
        }
    }

    /// The same, telling `change` whether `journey` (the one a posted page stamp names) was already
    /// submitted, read in the same transaction as the submission that would have spent it.
    @discardableResult
    public func updateDraft(
        respondentKey: Data, formID: String, formVersion: Int, at now: Date, checkingJourney journey: String?,
        _ change: @escaping @Sendable (_ draft: Draft, _ journeyIsSpent: Bool) -> Draft
    ) async throws -> Draft {
        let updatedAt = Timestamp.string(now)
        return try await write { db in
            let isSpent = try journey.map { try AppDatabase.isSpent(journey: $0, db) } ?? false
            let draft = change(try AppDatabase.storedDraft(respondentKey: respondentKey, formID: formID, db)?.draft ?? Draft(), isSpent)
            let state = String(decoding: try JSONEncoder.sorted.encode(draft), as: UTF8.self)
            try db.cachedStatement(
                sql: """
                    INSERT INTO draft (respondent_key, form_id, form_version, state, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (respondent_key, form_id) DO UPDATE
                    SET form_version = excluded.form_version, state = excluded.state, updated_at = excluded.updated_at
                    """
            ).execute(arguments: [respondentKey, formID, formVersion, state, updatedAt])
            return draft
        }
    }

    /// Forgets submitted journeys older than `cutoff` (their stamps are too old to be believed anyway).
    @discardableResult
    public func deleteSpentJourneys(before cutoff: Date) async throws -> Int {
        try await write { db in
            try db.execute(sql: "DELETE FROM spent_journey WHERE spent_at < ?", arguments: [Timestamp.string(cutoff)])
            return db.changesCount
        }
    }

    /// Deletes answers in progress last changed before `cutoff`; returns how many. A representative's
    /// answers are kept while their round is still open on `today`, however long ago they last typed:
    /// their personal link must bring back what they wrote until the round closes.
    @discardableResult
    public func deleteDrafts(changedBefore cutoff: Date, keepingRoundsOpenOn today: CalendarDay) async throws -> Int {
        let deleted = try await write { db in
            try db.execute(
                sql: """
                    DELETE FROM draft WHERE updated_at < ? AND respondent_key NOT IN (
                        SELECT representative.draft_key FROM representative
                        JOIN survey_round ON survey_round.id = representative.round_id
                        WHERE representative.submitted_at IS NULL AND survey_round.closes_on >= ?)
                    """,
                arguments: [Timestamp.string(cutoff), today.description])
            return db.changesCount
        }
        if deleted > 0 { await eraseFromJournal() }
        return deleted
    }
}

extension AppDatabase {
    fileprivate static func isSpent(journey: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM spent_journey WHERE journey = ?"), arguments: [journey]) != nil
    }

    /// Marks a journey submitted, in the transaction of its submission: its stamps time nothing again.
    static func spend(journey: String, at now: Date, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO spent_journey (journey, spent_at) VALUES (?, ?)")
            .execute(arguments: [journey, Timestamp.string(now)])
    }

    /// Every page view reads a draft: the statement is prepared once per connection and reused.
    fileprivate static func storedDraft(respondentKey: Data, formID: String, _ db: Database) throws -> StoredDraft? {
        let statement = try db.cachedStatement(sql: "SELECT form_version, state FROM draft WHERE respondent_key = ? AND form_id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [respondentKey, formID]) else { return nil }
        let state: String = row[1]
        return StoredDraft(formVersion: row[0], draft: try JSONDecoder().decode(Draft.self, from: Data(state.utf8)))
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
