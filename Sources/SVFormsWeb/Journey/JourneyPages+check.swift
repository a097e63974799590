import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension JourneyPages {
    func checkAnswers(_ scope: JourneyScope) async throws -> Response {
        guard !scope.isNewBrowser else { return .redirect(to: scope.basePath, type: .normal) }
        let journey = Journey(questionnaire: scope.questionnaire, draft: try await draft(scope))
        if let redirect = try await redirectIfIncomplete(journey, scope) { return redirect }

        let rows = journey.visiblePages.flatMap { page in
            journey.visibleQuestions(on: page).map { question in
                AnswerRowView(
                    question: question.label, answerLines: question.answerLines(journey.draft.answers[question.id]),
                    changeHref: scope.page(page.id, returningToCheck: true))
            }
        }
        let view = CheckAnswersView(
            layout: presenter.layout(title: "Check your answers", scope: scope), rows: rows,
            backHref: journey.visiblePages.last.map { scope.page($0.id) } ?? scope.basePath,
            actionHref: scope.submit, csrfToken: antiForgery.token(for: scope.antiForgeryBasis),
            shownStamp: shownStamp(scope, journey.draft), receiptAddress: scope.invitation?.representative.email)
        return presenter.response(.checkAnswers, view)
    }

    /// Stores the response (committed before the redirect) and returns where to go, with the new
    /// reference when this request is the one that stored it.
    func submit(_ request: Request, _ context: AppRequestContext, _ scope: JourneyScope) async throws -> (Response, String?) {
        let questionnaire = scope.questionnaire
        let input = try context.postedForm()
        let screening = try screeningSignal(input, scope)
        guard let stored = try await responseStore.draft(respondentKey: scope.draftKey, formID: questionnaire.id) else {
            // Already submitted (another press of the button, perhaps still in flight): the confirmation
            // page shows the reference once it is known, and sends anyone else to the start.
            return (.redirect(to: scope.confirmation, type: .normal), nil)
        }
        let journey = Journey(questionnaire: questionnaire, draft: stored.draft)
        if let redirect = try await redirectIfIncomplete(journey, scope) { return (redirect, nil) }

        let answers = journey.submittableAnswers
        let now = clock.now()
        if scope.invitation == nil, let wait = await submissionLimit.take(clients.throttleKey(request, context), at: now) {
            throw WebError.tooManySubmissions(retryAfter: wait)
        }
        let noted = noting(screening, in: stored.draft, at: now)
        let setAside = screeningResult(noted, scope, now: now)
        let voice = await newVoice(answers: answers, screening: setAside, scope, request, context, now: now)
        let queued = MailQueued()
        let receiptTo = input.value(CheckAnswersView.receiptField) == "yes" ? scope.invitation?.representative : nil
        let notify = notices.submissionNotices(questionnaire, answers: answers, receiptTo: receiptTo, queued: queued)
        let reference = try await responseStore.submit(
            respondentKey: scope.draftKey, formID: questionnaire.id, formVersion: questionnaire.version,
            answers: answers, at: now, representativeID: scope.invitation?.representative.id, voice: voice,
            linkResponse: newLinkResponse(screening: setAside, scope), spendingJourney: screens(scope) ? noted.journey : nil,
            notifying: notify == nil ? nil : .submissions, notify: notify ?? { _, _ in [] })
        // Only now are the notices committed, so the worker will find them.
        if reference != nil, queued.any { mailWakeup.signal() }
        return (.redirect(to: scope.confirmation, type: .normal), reference)
    }

    /// Sends the person to the first page still to answer, re-checking saved answers first:
    /// if the questionnaire changed since they answered, a page that no longer passes is reopened.
    private func redirectIfIncomplete(_ journey: Journey, _ scope: JourneyScope) async throws -> Response? {
        let questionnaire = journey.questionnaire
        let validator = PageValidator(context: clock.validationContext())
        let failing = Set(
            journey.visiblePages.filter { page in
                journey.isCompleted(page.id)
                    && !validator.revalidate(journey.visibleQuestions(on: page), answers: journey.draft.answers).problems.isEmpty
            }.map(\.id))
        var draft = journey.draft
        if !failing.isEmpty {
            draft = try await responseStore.updateDraft(
                respondentKey: scope.draftKey, formID: questionnaire.id, formVersion: questionnaire.version, at: clock.now()
            ) { latest in
                var reopened = latest
                reopened.completedPages.removeAll(where: failing.contains)
                return reopened
            }
        }
        guard let next = Journey(questionnaire: questionnaire, draft: draft).firstIncompletePage else { return nil }
        return .redirect(to: scope.page(next.id), type: .normal)
    }
}
