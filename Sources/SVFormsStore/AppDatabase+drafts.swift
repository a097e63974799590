import Foundation
import GRDB
import SVFormsCore

/// A draft as stored: the answers and the questionnaire version they were given against.
public struct StoredDraft: Sendable, Equatable {
    public var formVersion: Int
    public var draft: Draft
}

extension AppDatabase {
    public func draft(respondentKey: Data, formID: String) async throws -> StoredDraft? {
        try await writer.read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT form_version, state FROM draft WHERE respondent_key = ? AND form_id = ?",
                arguments: [respondentKey, formID])
            guard let row else { return nil }
            let state: String = row["state"]
            let draft = try JSONDecoder().decode(Draft.self, from: Data(state.utf8))
            return StoredDraft(formVersion: row["form_version"], draft: draft)
        }
    }

    /// Saves the answers in progress; committed before the person sees the next page.
    public func saveDraft(respondentKey: Data, formID: String, formVersion: Int, draft: Draft, at now: Date) async throws {
        let state = String(decoding: try JSONEncoder.sorted.encode(draft), as: UTF8.self)
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO draft (respondent_key, form_id, form_version, state, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (respondent_key, form_id) DO UPDATE
                    SET form_version = excluded.form_version, state = excluded.state, updated_at = excluded.updated_at
                    """,
                arguments: [respondentKey, formID, formVersion, state, Timestamp.string(now)])
        }
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
