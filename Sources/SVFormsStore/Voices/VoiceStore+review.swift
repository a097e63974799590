import Foundation
import GRDB
import SVFormsCore

extension VoiceStore {
    /// The text a redaction leaves in place of the words it removes.
    public static let redactionMark = "[redacted]"

    /// Makes one change to a voice and records it in the audit log (who, when, what kind; never the
    /// words removed), in one transaction.
    public func change(
        voice reference: String, formID: String, _ change: VoiceChange, by actor: String, client: String?, at now: Date
    ) async throws {
        let at = Timestamp.string(now)
        try await write { db in
            guard let voice = try AppDatabase.voice(formID: formID, reference: reference, db) else { throw VoiceChangeError.notFound }
            var subject = "\(formID) \(reference)"
            switch change {
            case .themes(let themes):
                try AppDatabase.setThemes(themes, voice.responseID, db)
            case .review(let themes, let status):
                if let status {
                    guard voice.status != .quarantined else { throw VoiceChangeError.quarantined }
                    try AppDatabase.setStatus(status, voice.responseID, db)
                }
                try AppDatabase.setThemes(themes, voice.responseID, db)
            case .status(let status):
                guard voice.status != .quarantined else { throw VoiceChangeError.quarantined }
                try AppDatabase.setStatus(status, voice.responseID, db)
            case .release:
                guard voice.status == .quarantined else { throw VoiceChangeError.notQuarantined }
                try AppDatabase.setStatus(.new, voice.responseID, db)
            case .redact(let questionID, let passage):
                subject += " \(questionID)"
                try AppDatabase.redact(passage, in: questionID, of: voice, db)
            case .delete:
                guard voice.status == .quarantined else { throw VoiceChangeError.notQuarantined }
                try db.execute(sql: "DELETE FROM response WHERE id = ?", arguments: [voice.responseID])
            }
            if change != .delete {
                try db.execute(
                    sql: "UPDATE voice SET changed_at = ?, changed_by = ? WHERE response_id = ?", arguments: [at, actor, voice.responseID])
            }
            try AppDatabase.insert(AuditEvent(at: now, actor: actor, action: change.action, subject: subject, rowCount: 1, client: client), db)
        }
        switch change {
        case .redact, .delete: await eraseFromJournal()
        case .themes, .review, .status, .release: break
        }
    }
}

extension AppDatabase {
    fileprivate static func setThemes(_ themes: [String], _ responseID: Int64, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM voice_theme WHERE response_id = ?", arguments: [responseID])
        for theme in Set(themes) {
            try db.execute(sql: "INSERT INTO voice_theme (response_id, theme) VALUES (?, ?)", arguments: [responseID, theme])
        }
    }

    fileprivate static func setStatus(_ status: VoiceStatus, _ responseID: Int64, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE voice SET status = ?, quarantine_reason = NULL WHERE response_id = ?", arguments: [status.rawValue, responseID])
    }

    fileprivate static func redact(_ passage: String, in questionID: String, of voice: StoredVoice, _ db: Database) throws {
        let trimmed = passage.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let values = voice.answers[questionID],
            values.contains(where: { $0.range(of: trimmed, options: .caseInsensitive) != nil })
        else { throw VoiceChangeError.passageNotFound }
        for (position, value) in values.enumerated() {
            let redacted = value.replacingOccurrences(of: trimmed, with: VoiceStore.redactionMark, options: .caseInsensitive)
            try db.execute(
                sql: "UPDATE answer SET value = ? WHERE response_id = ? AND question_id = ? AND position = ?",
                arguments: [redacted, voice.responseID, questionID, position])
        }
    }
}
