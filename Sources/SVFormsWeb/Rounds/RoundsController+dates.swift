import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension RoundsController {
    /// Closes the round now, after its confirmation page: personal links stop opening the questionnaire.
    @Sendable func closeRound(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (round, questionnaire) = try await round(context)
        let input = try context.postedForm()
        let today = CalendarDay.today(in: catalog.partnership.timeZone, now: clock.now())
        guard round.isOpen(on: today) || today < round.opensOn, round.closedAt == nil else {
            return Notice.roundDates(.closed).redirect(to: SiteRoute.round.path(round.id))
        }
        guard input.isConfirmed else {
            let awaiting = try await roundStore.representatives(roundID: round.id).filter { $0.submittedAt == nil }.count
            let view = ConfirmActionView(
                layout: presenter.adminLayout(title: "Close \(round.name)", context),
                heading: "Are you sure you want to close \(round.name) now?",
                consequences: [
                    "Personal links will stop opening the questionnaire today, instead of after \(round.closesOn.longDescription).",
                    awaiting == 0
                        ? "Everyone in the round has submitted."
                        : "\(Self.people(awaiting)) in the round have not submitted and will not be able to. Answers they have saved stay until the retention period ends.",
                    "You can reopen the round later by giving it a new closing date.",
                ],
                actionHref: SiteRoute.roundClose.path(round.id), csrfToken: presenter.csrfToken(context),
                buttonText: "Close the round", cancelHref: SiteRoute.round.path(round.id))
            return presenter.response(.confirmAction, view)
        }
        guard try await roundStore.closeRound(round.id, at: clock.now()) else { throw WebError.notFound }
        try await auditor.audit("round.close", subject: "\(round.name) (\(questionnaire.id))", request, context)
        return Notice.roundDates(.closed).redirect(to: SiteRoute.round.path(round.id))
    }

    /// Moves the closing date (extends the round, or reopens a closed one), never to before today or the opening day.
    @Sendable func changeClosingDate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (round, questionnaire) = try await round(context)
        let input = try context.postedForm()
        let today = CalendarDay.today(in: catalog.partnership.timeZone, now: clock.now())
        let question = Self.closingDateQuestion
        let result = PageValidator(context: ValidationContext(today: today)).validate([question], input: input)
        var problems = result.problems
        let day = result.answers[question.id]?.first.flatMap(CalendarDay.init(iso:))
        if let day, day < round.opensOn {
            problems.append(
                FieldProblem(
                    questionID: question.id, message: "The closing day must be on or after the opening day, \(round.opensOn.longDescription)"))
        }
        guard problems.isEmpty, let day else {
            return try await roundPage(round, questionnaire, context, datesInput: input, problems: problems)
        }
        guard try await roundStore.changeClosingDate(round.id, to: day) else { throw WebError.notFound }
        try await auditor.audit(
            "round.closing-date", subject: "\(round.name) (\(questionnaire.id)): closes on \(day.longDescription)", request, context)
        return Notice.roundDates(.extended).redirect(to: SiteRoute.round.path(round.id))
    }

    static let closingDateQuestion = Question(
        id: "closes-on", label: "New closing date", hint: "Personal links work until the end of this day. For example, 27 3 2027",
        errorMessage: "Enter the new closing date", kind: .date(DateLimits(min: .today)))

    /// "1 person", "1,204 people".
    static func people(_ count: Int) -> String { count == 1 ? "1 person" : "\(count.formatted()) people" }
}
