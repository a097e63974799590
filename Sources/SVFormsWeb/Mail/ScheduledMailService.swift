import Foundation
import Logging
import ServiceLifecycle
import SVFormsCore
import SVFormsStore

/// Mail that goes out on a timetable, checked every few minutes: automatic reminders for rounds
/// that asked for them, and the daily digest of community voices. Each is recorded in the same
/// transaction as its mail, so a restart never sends one twice nor skips one.
struct ScheduledMailService: Service {
    let site: Site
    var interval: Duration = .seconds(300)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await runDueJobs()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Each job and each round on its own: one that fails (a round whose questionnaire was
    /// removed, a full disk) does not stop the others.
    func runDueJobs() async {
        do {
            try await sendAutomaticReminders()
        } catch {
            site.logger.error("automatic reminders failed", metadata: ["error": .string("\(error)")])
        }
        do {
            try await sendDigest()
        } catch {
            site.logger.error("the daily digest failed", metadata: ["error": .string("\(error)")])
        }
    }

    func sendAutomaticReminders() async throws {
        let now = site.configuration.now()
        let today = CalendarDay.today(in: site.partnership.timeZone, now: now)
        for round in try await site.database.roundsDueForAutomaticReminder(today: today) {
            guard let questionnaire = site.catalog.questionnaire(id: round.formID) else { continue }
            let composer = site.mail
            do {
                let outcome = try await site.database.sendRoundMail(.reminders, roundID: round.id, at: now, automatic: true) { person in
                    try composer.invitation(person, round: round, questionnaire: questionnaire, isReminder: true)
                }
                site.logger.info("automatic reminders queued", metadata: [
                    "round": "\(round.id)", "count": "\(outcome.queued)", "skipped": "\(outcome.skipped.count)",
                ])
                site.mailWakeup.signal()
            } catch {
                site.logger.error("automatic reminders failed", metadata: ["round": "\(round.id)", "error": .string("\(error)")])
            }
        }
    }

    /// Once a day after `digestHour`: yesterday's community voices, counted by area and by what worries
    /// people, for each lead who asked. Days with no voices send nothing.
    func sendDigest() async throws {
        let now = site.configuration.now()
        let calendar = ReportingCalendar(site.partnership)
        var local = Calendar(identifier: .gregorian)
        local.timeZone = calendar.timeZone
        guard local.component(.hour, from: now) >= site.configuration.digestHour else { return }
        let today = CalendarDay.today(in: calendar.timeZone, now: now)
        let yesterday = today.adding(days: -1)
        let period = DateInterval(start: local.date(from: DateComponents(year: yesterday.year, month: yesterday.month, day: yesterday.day))!,
                                  end: local.date(from: DateComponents(year: today.year, month: today.month, day: today.day))!)
        let accounts = try await site.database.accountsToNotify(.digest)
        var total = 0
        var sections: [DigestEmailView.Section] = []
        for questionnaire in site.catalog.publicQuestionnaires {
            let responses = try await site.database.submittedCount(formID: questionnaire.id, in: period)
            guard responses > 0 else { continue }
            total += responses
            for question in questionnaire.questions where Self.isDigested(question) {
                let counts = try await site.database.answerCounts(formID: questionnaire.id, questionID: question.id, in: period)
                let lines = (question.kind.choices ?? []).compactMap { choice in counts[choice.value].map { (choice.label, $0) } }
                if !lines.isEmpty { sections.append(DigestEmailView.Section(title: question.label, lines: lines)) }
            }
        }
        let composer = site.mail
        let count = total
        let digestSections = sections
        let logger = site.logger
        let queued = try await site.database.queueOnce(job: "digest:\(yesterday)", at: now) {
            guard count > 0 else { return [] }
            // One lead whose digest cannot be written (an address the mail module refuses) must not cost the others theirs.
            return accounts.compactMap { account in
                do {
                    return try composer.digest(to: account, day: yesterday, count: count, sections: digestSections)
                } catch {
                    logger.error("cannot write a digest", metadata: ["account": "\(account.id)", "error": .string(LogText.withoutEmailAddresses("\(error)"))])
                    return nil
                }
            }
        }
        if queued { site.mailWakeup.signal() }
    }

    /// Areas, and multiple-choice questions (what worries people): counts only, never free text.
    static func isDigested(_ question: Question) -> Bool {
        switch question.kind {
        case .area, .multipleChoice: true
        default: false
        }
    }
}
