import Foundation
import GRDB
import SVFormsCore

extension ResponseStore {
    /// Stores a response and removes the draft it came from, in one durable transaction,
    /// and returns its new reference. Only after this returns may the person see a confirmation.
    ///
    /// With a respondent key, the draft must still exist: when two presses of Submit race,
    /// the one that finds the draft already gone stores nothing and returns nil. A representative
    /// answering a round is marked submitted, a community voice gets its place in the review, and the emails `notify` makes (given the reference)
    /// are queued, in the same transaction (to the accounts that asked for `kind`, and any receipt for the person). A response through an
    /// invited questionnaire's public link is held for a lead (`linkResponse`), and a screened journey is
    /// spent (`spendingJourney`), so its page stamps time nothing again.
    public func submit(
        respondentKey: Data?, formID: String, formVersion: Int, answers: Answers, at now: Date,
        representativeID: Int64? = nil, voice: NewVoice? = nil, linkResponse: NewLinkResponse? = nil,
        spendingJourney: String? = nil, notifying kind: NotificationKind? = nil,
        notify: @escaping @Sendable (_ reference: String, _ accounts: [Account]) -> [OutboxMessage] = { _, _ in [] }
    ) async throws -> String? {
        let submittedAt = Timestamp.string(now)
        return try await write { db in
            if let respondentKey {
                try db.cachedStatement(sql: "DELETE FROM draft WHERE respondent_key = ? AND form_id = ?")
                    .execute(arguments: [respondentKey, formID])
                guard db.changesCount == 1 else { return nil }
            }
            let reference = try AppDatabase.unusedReference(db)
            try db.cachedStatement(sql: "INSERT INTO response (reference, form_id, form_version, submitted_at) VALUES (?, ?, ?, ?)")
                .execute(arguments: [reference, formID, formVersion, submittedAt])
            let responseID = db.lastInsertedRowID
            let insertAnswer = try db.cachedStatement(sql: "INSERT INTO answer (response_id, question_id, position, value) VALUES (?, ?, ?, ?)")
            for (questionID, values) in answers.sorted(by: { $0.key < $1.key }) {
                for (position, value) in values.enumerated() {
                    try insertAnswer.execute(arguments: [responseID, questionID, position, value])
                }
            }
            if let voice { try AppDatabase.insert(voice, responseID: responseID, formID: formID, db) }
            if let linkResponse { try AppDatabase.insert(linkResponse, responseID: responseID, formID: formID, db) }
            if let spendingJourney { try AppDatabase.spend(journey: spendingJourney, at: now, db) }
            if let representativeID {
                try db.execute(
                    sql: "UPDATE representative SET submitted_at = ?, response_reference = ? WHERE id = ?",
                    arguments: [submittedAt, reference, representativeID])
            }
            // The accounts are read here, in the writer, rather than before: one less trip to a reader per submission.
            let accounts = try kind.map { try AppDatabase.accountsToNotify($0, db) } ?? []
            let messages = kind == nil ? [] : notify(reference, accounts)
            if !messages.isEmpty { try AppDatabase.enqueue(messages, at: now, db) }
            return reference
        }
    }

    /// A submitted response with every answer, by its reference.
    public func response(reference: String) async throws -> SubmittedResponse? {
        try await writer.read { db in
            guard let response = try ResponseRecord.filter(ResponseRecord.Columns.reference == reference).fetchOne(db),
                let id = response.id
            else { return nil }
            let rows = try AnswerRecord.filter(AnswerRecord.Columns.responseID == id)
                .order(AnswerRecord.Columns.questionID, AnswerRecord.Columns.position).fetchAll(db)
            return SubmittedResponse(
                reference: response.reference, formID: response.formID, formVersion: response.formVersion,
                submittedAt: Timestamp.date(response.submittedAt) ?? .distantPast,
                answers: Dictionary(grouping: rows, by: \.questionID).mapValues { $0.map(\.value) })
        }
    }

    /// How many responses to a form have been submitted, ever.
    public func responseCount(formID: String) async throws -> Int {
        try await writer.read { try ResponseRecord.filter(ResponseRecord.Columns.formID == formID).fetchCount($0) }
    }
}

extension AppDatabase {
    /// A fresh reference; with 29^8 possibilities a clash is rare, but it is checked, not assumed.
    /// (The submission path runs thousands of times a second: its statements are prepared once and reused.)
    fileprivate static func unusedReference(_ db: Database) throws -> String {
        let taken = try db.cachedStatement(sql: "SELECT 1 FROM response WHERE reference = ?")
        while true {
            let candidate = Reference.generate()
            if try Bool.fetchOne(taken, arguments: [candidate]) != nil { continue }
            return candidate
        }
    }
}
