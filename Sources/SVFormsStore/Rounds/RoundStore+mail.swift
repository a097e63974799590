import Foundation
import GRDB
import SVFormsCore

extension RoundStore {
    /// Mints a personal link for each person the mailing is for and queues their email, all in one
    /// transaction with marking them invited or reminded: mail is never queued for an event that did
    /// not happen, nor an event recorded without its mail. Someone whose email cannot be composed is
    /// left as they were and reported; the others still go. `personID` narrows it to one person. An
    /// automatic reminder happens once: a second call finds it already queued and does nothing.
    public func sendRoundMail(
        _ mailing: RoundMailing, roundID: Int64, to personID: Int64? = nil, at now: Date, automatic: Bool = false,
        compose: @escaping @Sendable (Representative) throws -> PersonalMail
    ) async throws -> RoundMailOutcome {
        try await write { db in
            guard var round = try SurveyRoundRecord.fetchOne(db, key: roundID) else { throw RoundError.noSuchRound }
            var outcome = RoundMailOutcome()
            if automatic, round.automaticReminderQueuedAt != nil { return outcome }
            var filter =
                switch mailing {
                case .invitations: "invited_at IS NULL"
                case .reminders: "invited_at IS NOT NULL AND submitted_at IS NULL"
                case .invitationAgain: "submitted_at IS NULL"
                }
            var arguments: StatementArguments = [roundID]
            if let personID {
                filter += " AND representative.id = ?"
                arguments += [personID]
            }
            let people = try AppDatabase.representatives(
                db, sql: "WHERE representative.round_id = ? AND \(filter) ORDER BY representative.id", arguments: arguments)
            let cutoff = now.addingTimeInterval(-RoundMailing.reminderInterval)
            for person in people {
                if mailing == .reminders, person.wasReminded(since: cutoff) {
                    outcome.recentlyReminded.append(person)
                    continue
                }
                let mail: PersonalMail
                do {
                    mail = try compose(person)
                } catch {
                    outcome.skipped.append(.init(email: person.email, reason: "\(error)"))
                    continue
                }
                try Self.queue(mailing, mail, to: person, at: now, db)
                outcome.queued += 1
            }
            if automatic, outcome.queued > 0 {
                round.automaticReminderQueuedAt = Timestamp.string(now)
                try round.update(db)
            }
            return outcome
        }
    }

    /// Queues one person's email, keeps its link, and records that it was sent.
    static func queue(_ mailing: RoundMailing, _ mail: PersonalMail, to person: Representative, at now: Date, _ db: Database) throws {
        let time = Timestamp.string(now)
        if mailing == .invitationAgain {
            try db.execute(sql: "DELETE FROM invitation_token WHERE representative_id = ?", arguments: [person.id])
        }
        try InvitationTokenRecord(tokenHash: mail.tokenHash, representativeID: person.id, createdAt: time).insert(db)
        try AppDatabase.enqueue([mail.message], at: now, db)
        let record =
            mailing.isReminder
            ? "reminded_at = ?, reminder_count = reminder_count + 1" : "invited_at = ?"
        try db.execute(sql: "UPDATE representative SET \(record) WHERE id = ?", arguments: [time, person.id])
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
