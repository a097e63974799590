import Foundation
import GRDB
import SVFormsCore

extension RoundStore {
    /// Mints a personal link for each person the mailing is for and queues their email, all in one
    /// transaction with marking them invited or reminded: mail is never queued for an event that did
    /// not happen, nor an event recorded without its mail. Someone whose email cannot be composed is
    /// left as they were and reported; the others still go. An automatic reminder happens once: a
    /// second call finds it already queued and does nothing.
    public func sendRoundMail(
        _ mailing: RoundMailing, roundID: Int64, at now: Date, automatic: Bool = false,
        compose: @escaping @Sendable (Representative) throws -> PersonalMail
    ) async throws -> RoundMailOutcome {
        let time = Timestamp.string(now)
        return try await write { db in
            guard var round = try SurveyRoundRecord.fetchOne(db, key: roundID) else { throw RoundError.noSuchRound }
            var outcome = RoundMailOutcome()
            if automatic, round.automaticReminderQueuedAt != nil { return outcome }
            let filter =
                mailing == .invitations
                ? "invited_at IS NULL" : "invited_at IS NOT NULL AND submitted_at IS NULL"
            let people = try AppDatabase.representatives(
                db, sql: "WHERE representative.round_id = ? AND \(filter) ORDER BY representative.id", arguments: [roundID])
            let column = mailing == .invitations ? "invited_at" : "reminded_at"
            for person in people {
                let mail: PersonalMail
                do {
                    mail = try compose(person)
                } catch {
                    outcome.skipped.append(.init(email: person.email, reason: "\(error)"))
                    continue
                }
                try InvitationTokenRecord(tokenHash: mail.tokenHash, representativeID: person.id, createdAt: time).insert(db)
                try AppDatabase.enqueue([mail.message], at: now, db)
                try db.execute(sql: "UPDATE representative SET \(column) = ? WHERE id = ?", arguments: [time, person.id])
                outcome.queued += 1
            }
            if automatic, outcome.queued > 0 {
                round.automaticReminderQueuedAt = time
                try round.update(db)
            }
            return outcome
        }
    }

    /// Open rounds whose automatic reminder is due on `today`, not yet queued, with someone invited
    /// who has not submitted. A round with nobody to remind stays due, so people invited later in
    /// the reminder window are still reminded.
    public func roundsDueForAutomaticReminder(today: CalendarDay) async throws -> [SurveyRound] {
        try await writer.read { db in
            try SurveyRoundRecord.filter(
                sql: """
                    reminder_days_before IS NOT NULL AND automatic_reminder_queued_at IS NULL AND EXISTS (
                        SELECT 1 FROM representative
                        WHERE representative.round_id = survey_round.id AND invited_at IS NOT NULL AND submitted_at IS NULL)
                    """
            )
            .fetchAll(db).map(\.round)
            .filter { round in
                guard round.isOpen(on: today), let days = round.reminderDaysBefore else { return false }
                return today >= round.closesOn.adding(days: -days)
            }
        }
    }
}
