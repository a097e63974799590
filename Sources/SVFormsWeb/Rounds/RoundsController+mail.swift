import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension RoundsController {
    @Sendable func sendInvitations(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (round, questionnaire) = try await round(context)
        _ = try context.postedForm()
        guard case .sent(let outcome) = try await send(.invitations, round, questionnaire) else { return closedRedirect(round) }
        try await auditor.audit("round.invitations", subject: "\(round.name) (\(questionnaire.id))", rowCount: outcome.queued, request, context)
        return Notice.people(.invited, count: outcome.queued)
            .redirect(to: SiteRoute.round.path(round.id), also: outcome.skipped.isEmpty ? nil : "skipped=\(outcome.skipped.count)")
    }

    /// Reminds everyone invited who has not submitted, except anyone reminded in the last day: pressing
    /// the button twice sends nobody a second reminder. The page names who was left out.
    @Sendable func sendReminders(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (round, questionnaire) = try await round(context)
        _ = try context.postedForm()
        guard case .sent(let outcome) = try await send(.reminders, round, questionnaire) else { return closedRedirect(round) }
        try await auditor.audit("round.reminders", subject: "\(round.name) (\(questionnaire.id))", rowCount: outcome.queued, request, context)
        let recent = Self.recentlyRemindedWarning(outcome.recentlyReminded, catalog.partnership.timeZone)
        let warning = [recent, Self.skippedWarning(outcome.skipped.count)].compactMap { $0 }.joined(separator: " ")
        // Shown here rather than after a redirect, to name the people; sending again would remind nobody twice.
        return try await roundPage(
            round, questionnaire, context, notice: Notice.people(.reminded, count: outcome.queued).text, warning: warning.isEmpty ? nil : warning)
    }

    enum SendResult {
        case sent(RoundMailOutcome)
        /// The round is not open: a link would not work, so nothing was sent.
        case closed
    }

    /// Queues one email per person the mailing is for, each with a new personal link, in one transaction
    /// with marking them invited or reminded. Only while the round is open.
    func send(_ mailing: RoundMailing, _ round: SurveyRound, _ questionnaire: Questionnaire, to personID: Int64? = nil) async throws -> SendResult {
        let now = clock.now()
        guard round.isOpen(on: CalendarDay.today(in: catalog.partnership.timeZone, now: now)) else { return .closed }
        let composer = mail
        let outcome = try await roundStore.sendRoundMail(mailing, roundID: round.id, to: personID, at: now) { person in
            try composer.invitation(person, round: round, questionnaire: questionnaire, isReminder: mailing == .reminders)
        }
        mailWakeup.signal()
        for skipped in outcome.skipped {
            logger.error(
                "cannot write to a round member", metadata: ["round": "\(round.id)", "error": .string(LogText.withoutEmailAddresses(skipped.reason))])
        }
        return .sent(outcome)
    }

    private func closedRedirect(_ round: SurveyRound) -> Response {
        .redirect(to: SiteRoute.round.path(round.id) + "?closed", type: .normal)
    }

    /// "Not reminded again, as they were reminded in the last day: Ada Jones (today at 09:12)."
    static func recentlyRemindedWarning(_ people: [Representative], _ timeZone: TimeZone) -> String? {
        guard !people.isEmpty else { return nil }
        let names = people.map { person in person.name + (person.remindedAt.map { " (reminded \(DisplayTime.string($0, timeZone)))" } ?? "") }
        let who = people.count == 1 ? "1 person was" : "\(people.count.formatted()) people were"
        return "\(who) not reminded again, as they were reminded in the last 24 hours: \(names.joined(separator: ", "))."
    }
}
