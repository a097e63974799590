import Foundation
import Logging
import SVFormsCore
import SVFormsStore
import ServiceLifecycle

/// Deletes what has outlived its purpose, at start-up and then every hour: answers in progress
/// untouched for `ResponseStore.draftLifetime` (they may hold personal details the person later
/// withdrew) unless their round is still open, sessions past their idle or absolute timeout, the
/// content of mail that failed long ago, download files left in the temporary directory by a crash,
/// throttle counts and submitted journeys past every window, and the personal parts of community
/// voices whose retention period is over.
public struct HousekeepingService: Service {
    public let database: AppDatabase
    /// The questionnaires whose voices' retention is applied (none in tests of other chores).
    public var questionnaires: [Questionnaire]
    public let timeZone: TimeZone
    /// The longest window the sign-in and link throttles count failures over.
    let attemptWindow: TimeInterval
    public let now: @Sendable () -> Date
    public let logger: Logger
    public var temporaryDirectory: String?
    public var interval: Duration = .seconds(3600)

    public init(
        database: AppDatabase, questionnaires: [Questionnaire] = [], timeZone: TimeZone, attemptWindow: TimeInterval,
        now: @escaping @Sendable () -> Date, logger: Logger, temporaryDirectory: String? = nil
    ) {
        self.database = database
        self.questionnaires = questionnaires
        self.timeZone = timeZone
        self.attemptWindow = attemptWindow
        self.now = now
        self.logger = logger
        self.temporaryDirectory = temporaryDirectory
    }

    public func run() async throws {
        await repeatUntilShutdown(every: interval) { await sweep() }
    }

    public func sweep() async {
        let now = now()
        do {
            let drafts = try await database.responses.deleteDrafts(
                changedBefore: now.addingTimeInterval(-ResponseStore.draftLifetime),
                keepingRoundsOpenOn: CalendarDay.today(in: timeZone, now: now))
            let sessions = try await database.accounts.deleteSessions(
                idleSince: now.addingTimeInterval(-SessionPolicy.idleTimeout),
                startedBefore: now.addingTimeInterval(-SessionPolicy.absoluteTimeout))
            let mail = try await database.outbox.dropFailedMailContent(queuedBefore: now.addingTimeInterval(-OutboxStore.failedMailContentLifetime))
            try await database.attempts.deleteAttempts(before: now.addingTimeInterval(-attemptWindow))
            try await database.responses.deleteSpentJourneys(before: now.addingTimeInterval(-PageStamp.lifetime))
            removeLeftoverFiles(olderThan: now.addingTimeInterval(-3600))
            try await applyRetention(now)
            // Every hour, whatever was deleted: words people replaced in their own answers in progress
            // (each page saved rewrites the draft) leave the write-ahead log within the hour too.
            if !(await database.eraseFromJournal()), database.journalErasePending {
                logger.warning(
                    "deleted words may still be in the write-ahead log: another reader (Litestream, a long download) holds it; trying again hourly")
            }
            if drafts + sessions + mail > 0 {
                logger.info(
                    "housekeeping",
                    metadata: [
                        "expired_drafts": .stringConvertible(drafts), "expired_sessions": .stringConvertible(sessions),
                        "failed_mail_emptied": .stringConvertible(mail),
                    ])
            }
        } catch {
            // A full or read-only disk must not stop the server; the next sweep tries again.
            logger.error("housekeeping failed", metadata: ["error": .string("\(error)")])
        }
    }

    /// Deletes contact details and voice text past their questionnaire's periods (each deletion audited).
    public func applyRetention(_ now: Date) async throws {
        for questionnaire in questionnaires {
            guard let settings = questionnaire.voices else { continue }
            let parts = [
                (RetainedPart.contactDetails, settings.contactQuestionIDs, settings.retention.contactDays),
                (.text, settings.textQuestionIDs, settings.retention.textDays),
            ]
            for (part, questionIDs, days) in parts {
                let deleted = try await database.voices.applyRetention(
                    formID: questionnaire.id, part: part, questionIDs: questionIDs,
                    submittedBefore: now.addingTimeInterval(-Double(days) * 86_400), at: now)
                if deleted > 0 {
                    logger.info(
                        "retention",
                        metadata: [
                            "form": .string(questionnaire.id), "part": .string(part.rawValue), "voices": .stringConvertible(deleted),
                        ])
                }
            }
        }
    }

    /// Download files are unlinked as soon as they are open; any still here after an hour were left by a crash.
    private func removeLeftoverFiles(olderThan cutoff: Date) {
        guard let directory = temporaryDirectory,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return }
        for name in names where name.hasPrefix("export-") {
            let path = (directory as NSString).appendingPathComponent(name)
            if let modified = try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date, modified < cutoff {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }
}
