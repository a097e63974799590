import Foundation
import Logging
import SVFormsCore
import SVFormsStore
import ServiceLifecycle

/// Mail that goes out on a timetable, checked every few minutes: automatic reminders for rounds
/// that asked for them, and the daily digest of community voices. Each is recorded in the same
/// transaction as its mail, so a restart never sends one twice nor skips one.
public struct ScheduledMailService: Service {
    public let database: AppDatabase
    public let catalog: FormCatalog
    public let mail: MailComposer
    public let wakeup: MailWakeup
    /// The digest goes once a day, after this hour in the partnership's time zone.
    public let digestHour: Int
    public let now: @Sendable () -> Date
    public let logger: Logger
    public var interval: Duration = .seconds(300)

    public init(
        database: AppDatabase, catalog: FormCatalog, mail: MailComposer, wakeup: MailWakeup, digestHour: Int,
        now: @escaping @Sendable () -> Date, logger: Logger
    ) {
        self.database = database
        self.catalog = catalog
        self.mail = mail
        self.wakeup = wakeup
        self.digestHour = digestHour
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        await repeatUntilShutdown(every: interval) { await runDueJobs() }
    }

    /// Each job and each round on its own: one that fails (a round whose questionnaire was
    /// removed, a full disk) does not stop the others.
    public func runDueJobs() async {
        do {
            try await sendAutomaticReminders()
        } catch {
            logger.error("automatic reminders failed", metadata: ["error": .string("\(error)")])
        }
        do {
            try await sendDigest()
        } catch {
            logger.error("the daily digest failed", metadata: ["error": .string("\(error)")])
        }
    }

    func sendAutomaticReminders() async throws {
        let now = now()
        let today = CalendarDay.today(in: catalog.partnership.timeZone, now: now)
        for round in try await database.rounds.roundsDueForAutomaticReminder(today: today) {
            guard let questionnaire = catalog.questionnaire(id: round.formID) else { continue }
            let composer = mail
            do {
                let outcome = try await database.rounds.sendRoundMail(.reminders, roundID: round.id, at: now, automatic: true) { person in
                    try composer.invitation(person, round: round, questionnaire: questionnaire, isReminder: true)
                }
                logger.info(
                    "automatic reminders queued",
                    metadata: [
                        "round": "\(round.id)", "count": "\(outcome.queued)", "skipped": "\(outcome.skipped.count)",
                    ])
                wakeup.signal()
            } catch {
                logger.error("automatic reminders failed", metadata: ["round": "\(round.id)", "error": .string("\(error)")])
            }
        }
    }

    /// Once a day after `digestHour`: yesterday's community voices, counted by area and by what worries
    /// people, for each lead who asked. Days with no voices send nothing.
    func sendDigest() async throws {
        let now = now()
        let calendar = ReportingCalendar(catalog.partnership)
        var local = Calendar(identifier: .gregorian)
        local.timeZone = calendar.timeZone
        guard local.component(.hour, from: now) >= digestHour else { return }
        let today = CalendarDay.today(in: calendar.timeZone, now: now)
        let yesterday = today.adding(days: -1)
        let period = DateInterval(
            start: local.date(from: DateComponents(year: yesterday.year, month: yesterday.month, day: yesterday.day))!,
            end: local.date(from: DateComponents(year: today.year, month: today.month, day: today.day))!)
        let accounts = try await database.accounts.accountsToNotify(.digest)
        var total = 0
        var sections: [DigestEmailView.Section] = []
        for questionnaire in catalog.publicQuestionnaires {
            let responses = try await database.reporting.submittedCount(formID: questionnaire.id, in: period)
            guard responses > 0 else { continue }
            total += responses
            for question in questionnaire.questions where Self.isDigested(question) {
                let counts = try await database.reporting.answerCounts(formID: questionnaire.id, questionID: question.id, in: period)
                let lines = (question.kind.choices ?? []).compactMap { choice in counts[choice.value].map { (choice.label, $0) } }
                if !lines.isEmpty { sections.append(DigestEmailView.Section(title: question.label, lines: lines)) }
            }
        }
        let composer = mail
        let count = total
        let digestSections = sections
        let logger = logger
        let queued = try await database.outbox.queueOnce(job: "digest:\(yesterday)", at: now) {
            guard count > 0 else { return [] }
            // One lead whose digest cannot be written (an address the mail module refuses) must not cost the others theirs.
            return accounts.compactMap { account in
                do {
                    return try composer.digest(to: account, day: yesterday, count: count, sections: digestSections)
                } catch {
                    logger.error(
                        "cannot write a digest", metadata: ["account": "\(account.id)", "error": .string(LogText.withoutEmailAddresses("\(error)"))])
                    return nil
                }
            }
        }
        if queued { wakeup.signal() }
    }

    /// Areas, and multiple-choice questions (what worries people): counts only, never free text.
    static func isDigested(_ question: Question) -> Bool {
        question.kind.is(AreaQuestion.self) || question.kind.is(MultipleChoiceQuestion.self)
    }
}
