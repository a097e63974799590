import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension RoundsController {
    @Sendable func sendInvitations(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await send(.invitations, request, context)
    }

    @Sendable func sendReminders(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await send(.reminders, request, context)
    }

    /// Queues one email per person, each with a new personal link, in one transaction with marking
    /// them invited or reminded. Only while the round is open: a link would not work otherwise.
    private func send(_ mailing: RoundMailing, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (round, questionnaire) = try await round(context)
        _ = try context.postedForm()
        let now = clock.now()
        guard round.isOpen(on: CalendarDay.today(in: catalog.partnership.timeZone, now: now)) else {
            return .redirect(to: SiteRoute.round.path(round.id) + "?closed", type: .normal)
        }
        let composer = mail
        let outcome = try await roundStore.sendRoundMail(mailing, roundID: round.id, at: now) { person in
            try composer.invitation(person, round: round, questionnaire: questionnaire, isReminder: mailing == .reminders)
        }
        mailWakeup.signal()
        for skipped in outcome.skipped {
            logger.error(
                "cannot write to a round member", metadata: ["round": "\(round.id)", "error": .string(LogText.withoutEmailAddresses(skipped.reason))])
        }
        try await auditor.audit(
            "round.\(mailing.rawValue)", subject: "\(round.name) (\(questionnaire.id))", rowCount: outcome.queued, request, context)
        let notice = Notice.people(mailing == .invitations ? .invited : .reminded, count: outcome.queued)
        return notice.redirect(to: SiteRoute.round.path(round.id), also: outcome.skipped.isEmpty ? nil : "skipped=\(outcome.skipped.count)")
    }
}
