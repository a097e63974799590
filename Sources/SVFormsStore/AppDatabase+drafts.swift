import Foundation
import GRDB
import SVFormsCore

extension AppDatabase {
    /// How long answers in progress are kept after their last change.
    public static let draftLifetime: TimeInterval = 30 * 24 * 3600

    /// The answers in progress of one respondent (a browser, or a representative's draft key) to one form.
    public func draft(respondentKey: Data, formID: String) async throws -> StoredDraft? {
        try await writer.read { db in
            try DraftRecord.filter(respondentKey: respondentKey, formID: formID).fetchOne(db).map(Self.stored)
        }
    }

    /// Reads the draft, applies `change` and saves the result in one transaction, so two
    /// requests from the same browser (two tabs) cannot overwrite each other's answers.
    /// Committed before the person sees the next page. Returns the saved draft.
    @discardableResult
    public func updateDraft(
        respondentKey: Data, formID: String, formVersion: Int, at now: Date,
        _ change: @escaping @Sendable (Draft) -> Draft
    ) async throws -> Draft {
        let updatedAt = Timestamp.string(now)
        return try await write { db in
            let current = try DraftRecord.filter(respondentKey: respondentKey, formID: formID).fetchOne(db)
            let draft = change(try current.map(Self.stored)?.draft ?? Draft())
            let state = String(decoding: try JSONEncoder.sorted.encode(draft), as: UTF8.self)
            try DraftRecord(
                respondentKey: respondentKey, formID: formID, formVersion: formVersion, state: state, updatedAt: updatedAt
            ).save(db)
            return draft
        }
    }

    /// Deletes answers in progress last changed before `cutoff`; returns how many. A representative's
    /// answers are kept while their round is still open on `today`, however long ago they last typed:
    /// their personal link must bring back what they wrote until the round closes.
    @discardableResult
    public func deleteDrafts(changedBefore cutoff: Date, keepingRoundsOpenOn today: CalendarDay) async throws -> Int {
        try await write { db in
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
    }

    private static func stored(_ record: DraftRecord) throws -> StoredDraft {
        StoredDraft(formVersion: record.formVersion, draft: try JSONDecoder().decode(Draft.self, from: Data(record.state.utf8)))
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
