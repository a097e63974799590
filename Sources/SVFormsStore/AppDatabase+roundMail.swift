import Foundation
import GRDB
import SVFormsCore

/// Which people of a round a mailing goes to.
public enum RoundMailing: String, Sendable {
    /// Everyone not yet invited.
    case invitations
    /// Everyone invited who has not submitted.
    case reminders
}

/// A personal link and the email that carries it, made for one person.
public struct PersonalMail: Sendable {
    /// The SHA-256 of the link's token; the token itself is only in the email.
    public var tokenHash: Data
    public var message: OutboxMessage

    public init(tokenHash: Data, message: OutboxMessage) {
        self.tokenHash = tokenHash
        self.message = message
    }
}

extension AppDatabase {
    /// Mints a personal link for each person the mailing is for and queues their email, all in one
    /// transaction with marking them invited or reminded: mail is never queued for an event that did
    /// not happen, nor an event recorded without its mail. Returns how many were queued.
    @discardableResult
    public func sendRoundMail(
        _ mailing: RoundMailing, roundID: Int64, at now: Date, automatic: Bool = false,
        compose: @escaping @Sendable (Representative) throws -> PersonalMail
    ) async throws -> Int {
        let time = Timestamp.string(now)
        return try await write { db in
            guard var round = try SurveyRoundRecord.fetchOne(db, key: roundID) else { throw RoundError.noSuchRound }
            let filter = mailing == .invitations
                ? "invited_at IS NULL" : "invited_at IS NOT NULL AND submitted_at IS NULL"
            let people = try Self.representatives(
                db, sql: "WHERE representative.round_id = ? AND \(filter) ORDER BY representative.id", arguments: [roundID])
            for person in people {
                let mail = try compose(person)
                try InvitationTokenRecord(tokenHash: mail.tokenHash, representativeID: person.id, createdAt: time).insert(db)
                try Self.enqueue([mail.message], at: now, db)
                let column = mailing == .invitations ? "invited_at" : "reminded_at"
                try db.execute(sql: "UPDATE representative SET \(column) = ? WHERE id = ?", arguments: [time, person.id])
            }
            if automatic {
                round.automaticReminderQueuedAt = time
                try round.update(db)
            }
            return people.count
        }
    }

    /// Open rounds whose automatic reminder is due on `today` and not yet queued.
    public func roundsDueForAutomaticReminder(today: CalendarDay) async throws -> [SurveyRound] {
        try await writer.read { db in
            try SurveyRoundRecord.filter(sql: "reminder_days_before IS NOT NULL AND automatic_reminder_queued_at IS NULL")
                .fetchAll(db).map(\.round)
                .filter { round in
                    guard round.isOpen(on: today), let days = round.reminderDaysBefore else { return false }
                    return today >= round.closesOn.adding(days: -days)
                }
        }
    }
}
