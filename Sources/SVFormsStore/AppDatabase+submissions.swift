import Foundation
import GRDB
import SVFormsCore

/// A submitted response as stored.
public struct SubmittedResponse: Sendable, Equatable {
    public var reference: String
    public var formID: String
    public var formVersion: Int
    public var submittedAt: Date
    public var answers: Answers
}

extension AppDatabase {
    /// Stores a response and removes the draft it came from, in one durable transaction,
    /// and returns its new reference. Only after this returns may the person see a confirmation.
    public func submit(
        respondentKey: Data?, formID: String, formVersion: Int, answers: Answers, at now: Date
    ) async throws -> String {
        let submittedAt = Timestamp.string(now)
        return try await write { db in
            let reference = try Self.unusedReference(db)
            try db.execute(
                sql: "INSERT INTO response (reference, form_id, form_version, submitted_at) VALUES (?, ?, ?, ?)",
                arguments: [reference, formID, formVersion, submittedAt])
            let responseID = db.lastInsertedRowID
            let insert = try db.cachedStatement(
                sql: "INSERT INTO answer (response_id, question_id, position, value) VALUES (?, ?, ?, ?)")
            for (questionID, values) in answers.sorted(by: { $0.key < $1.key }) {
                for (position, value) in values.enumerated() {
                    try insert.execute(arguments: [responseID, questionID, position, value])
                }
            }
            if let respondentKey {
                try db.execute(
                    sql: "DELETE FROM draft WHERE respondent_key = ? AND form_id = ?", arguments: [respondentKey, formID])
            }
            return reference
        }
    }

    /// A fresh reference; with 29^8 possibilities a clash is rare, but it is checked, not assumed.
    private static func unusedReference(_ db: Database) throws -> String {
        while true {
            let candidate = Reference.generate()
            if try !Bool(exists: db, sql: "SELECT 1 FROM response WHERE reference = ?", arguments: [candidate]) {
                return candidate
            }
        }
    }

    public func response(reference: String) async throws -> SubmittedResponse? {
        try await writer.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT id, reference, form_id, form_version, submitted_at FROM response WHERE reference = ?",
                arguments: [reference])
            else { return nil }
            var answers: Answers = [:]
            let answerRows = try Row.fetchAll(
                db, sql: "SELECT question_id, value FROM answer WHERE response_id = ? ORDER BY question_id, position",
                arguments: [row["id"] as Int64])
            for answer in answerRows { answers[answer["question_id"], default: []].append(answer["value"]) }
            return SubmittedResponse(
                reference: row["reference"], formID: row["form_id"], formVersion: row["form_version"],
                submittedAt: Timestamp.date(row["submitted_at"]) ?? .distantPast, answers: answers)
        }
    }

    public func responseCount(formID: String) async throws -> Int {
        try await writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM response WHERE form_id = ?", arguments: [formID]) ?? 0 }
    }
}

extension Bool {
    init(exists db: Database, sql: String, arguments: StatementArguments) throws {
        self = try Row.fetchOne(db, sql: sql, arguments: arguments) != nil
    }
}
