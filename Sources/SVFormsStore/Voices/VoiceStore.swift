import Foundation
import GRDB
import SVFormsCore

extension VoiceStore {
    /// One page of the review list, newest first, and how many voices match in all.
    public func voices(_ filter: VoiceFilter, limit: Int, offset: Int) async throws -> (voices: [VoiceSummary], total: Int) {
        let (conditions, arguments) = AppDatabase.conditions(filter)
        let excerpt =
            filter.textQuestionIDs.isEmpty
            ? "NULL"
            : "COALESCE("
                + filter.textQuestionIDs.map { _ in
                    "(SELECT value FROM answer WHERE response_id = response.id AND question_id = ? AND position = 0)"
                }.joined(separator: ", ") + ")"
        let sql = """
            SELECT response.reference, response.submitted_at, voice.status, voice.possible_duplicate,
                (SELECT value FROM answer WHERE response_id = response.id AND question_id = ? AND position = 0),
                (SELECT group_concat(theme, ' ') FROM voice_theme WHERE response_id = response.id),
                substr(\(excerpt), 1, 160)
            FROM response JOIN voice ON voice.response_id = response.id
            WHERE \(conditions)
            ORDER BY response.submitted_at DESC, response.id DESC LIMIT ? OFFSET ?
            """
        var selectArguments: StatementArguments = [filter.areaQuestionID]
        selectArguments += StatementArguments(filter.textQuestionIDs)
        selectArguments += arguments
        selectArguments += [limit, offset]
        let finalArguments = selectArguments
        return try await writer.read { db in
            let rows = try Row.fetchAll(db, sql: sql, arguments: finalArguments).map { row in
                VoiceSummary(
                    reference: row[0], submittedAt: Timestamp.date(row[1]) ?? .distantPast,
                    status: VoiceStatus(rawValue: row[2]) ?? .new, possibleDuplicate: row[3], area: row[4],
                    themes: (row[5] as String?).map { $0.split(separator: " ").map(String.init).sorted() } ?? [], excerpt: row[6])
            }
            let total =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM response JOIN voice ON voice.response_id = response.id WHERE \(conditions)",
                    arguments: arguments) ?? 0
            return (rows, total)
        }
    }

    /// The voices either side of `reference` in the review list under `filter` (newest first): the one
    /// above it (`previous`) and the one below (`next`). The voice itself need not match the filter any more.
    public func neighbours(of reference: String, _ filter: VoiceFilter) async throws -> (previous: String?, next: String?) {
        let (conditions, arguments) = AppDatabase.conditions(filter)
        return try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT submitted_at, id FROM response WHERE form_id = ? AND reference = ?", arguments: [filter.formID, reference])
            else { return (nil, nil) }
            let position: StatementArguments = [row[0] as String, row[1] as Int64]
            let neighbour = { (comparison: String, order: String) in
                try String.fetchOne(
                    db,
                    sql: """
                        SELECT response.reference FROM response JOIN voice ON voice.response_id = response.id
                        WHERE \(conditions) AND (response.submitted_at, response.id) \(comparison) (?, ?)
                        ORDER BY response.submitted_at \(order), response.id \(order) LIMIT 1
                        """,
                    arguments: arguments + position)
            }
            return (try neighbour(">", "ASC"), try neighbour("<", "DESC"))
        }
    }

    /// One voice by its reference, with every answer still kept.
    public func voice(formID: String, reference: String) async throws -> StoredVoice? {
        try await writer.read { db in try AppDatabase.voice(formID: formID, reference: reference, db) }
    }
}

extension AppDatabase {
    /// Stores a new voice's place in the review, in the transaction of its submission.
    static func insert(_ voice: NewVoice, responseID: Int64, formID: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO voice (response_id, form_id, status, quarantine_reason, possible_duplicate) VALUES (?, ?, ?, ?, ?)",
            arguments: [responseID, formID, voice.status.rawValue, voice.quarantineReason?.rawValue, voice.possibleDuplicate])
        for theme in Set(voice.themes) {
            try db.execute(sql: "INSERT INTO voice_theme (response_id, theme) VALUES (?, ?)", arguments: [responseID, theme])
        }
    }

    /// The WHERE clause of the review list (every value a placeholder) and its arguments.
    static func conditions(_ filter: VoiceFilter) -> (String, StatementArguments) {
        var clauses = ["voice.form_id = ?"]
        var arguments: StatementArguments = [filter.formID]
        if let status = filter.status {
            clauses.append("voice.status = ?")
            arguments += [status.rawValue]
        }
        if let area = filter.area {
            clauses.append("EXISTS (SELECT 1 FROM answer WHERE response_id = response.id AND question_id = ? AND value = ?)")
            arguments += [filter.areaQuestionID, area]
        }
        if let theme = filter.theme {
            clauses.append("EXISTS (SELECT 1 FROM voice_theme WHERE response_id = response.id AND theme = ?)")
            arguments += [theme]
        }
        if let period = filter.period {
            clauses.append("response.submitted_at >= ? AND response.submitted_at < ?")
            arguments += [Timestamp.string(period.start), Timestamp.string(period.end)]
        }
        if let search = filter.search, !search.isEmpty, !filter.textQuestionIDs.isEmpty {
            let marks = filter.textQuestionIDs.map { _ in "?" }.joined(separator: ", ")
            clauses.append(
                "EXISTS (SELECT 1 FROM answer WHERE response_id = response.id AND question_id IN (\(marks)) AND value LIKE ? ESCAPE '\\')")
            arguments += StatementArguments(filter.textQuestionIDs)
            arguments += ["%" + Self.escapeLike(search) + "%"]
        }
        return (clauses.joined(separator: " AND "), arguments)
    }

    /// `%`, `_` and `\` in a search are matched as themselves.
    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    static func voice(formID: String, reference: String, _ db: Database) throws -> StoredVoice? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT response.id, response.form_version, response.submitted_at, voice.status, voice.quarantine_reason,
                        voice.possible_duplicate, voice.contact_deleted_at, voice.text_deleted_at, voice.changed_at, voice.changed_by
                    FROM response JOIN voice ON voice.response_id = response.id
                    WHERE response.reference = ? AND voice.form_id = ?
                    """, arguments: [reference, formID])
        else { return nil }
        let id: Int64 = row[0]
        let answers = try Row.fetchAll(
            db, sql: "SELECT question_id, value FROM answer WHERE response_id = ? ORDER BY question_id, position", arguments: [id])
        let themes = try String.fetchAll(db, sql: "SELECT theme FROM voice_theme WHERE response_id = ? ORDER BY theme", arguments: [id])
        return StoredVoice(
            responseID: id, reference: reference, formID: formID, formVersion: row[1],
            submittedAt: Timestamp.date(row[2]) ?? .distantPast, status: VoiceStatus(rawValue: row[3]) ?? .new,
            quarantineReason: (row[4] as String?).flatMap(QuarantineReason.init(rawValue:)), possibleDuplicate: row[5],
            themes: themes,
            answers: Dictionary(grouping: answers, by: { $0[0] as String }).mapValues { $0.map { $0[1] as String } },
            contactDeletedAt: (row[6] as String?).flatMap(Timestamp.date), textDeletedAt: (row[7] as String?).flatMap(Timestamp.date),
            changedAt: (row[8] as String?).flatMap(Timestamp.date), changedBy: row[9])
    }
}
