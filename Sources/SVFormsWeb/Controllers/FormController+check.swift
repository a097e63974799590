import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension FormController {
    @Sendable func checkAnswers(_ request: Request, context: AppRequestContext) async throws -> Response {
        let questionnaire = try questionnaire(context)
        let respondent = site.respondent(request)
        guard !respondent.isNew else { return .redirect(to: Paths.start(questionnaire.id), type: .normal) }
        let journey = Journey(questionnaire: questionnaire, draft: try await draft(respondent, questionnaire))
        if let redirect = try await redirectIfIncomplete(journey, respondent) { return redirect }

        let rows = journey.visiblePages.flatMap { page in
            journey.visibleQuestions(on: page).map { question in
                AnswerRowView(
                    question: question.label, answerLines: AnswerText.lines(for: question, journey.draft.answers[question.id]),
                    changeHref: Paths.page(questionnaire.id, page.id, returningToCheck: true))
            }
        }
        let lastPage = journey.visiblePages.last.map { Paths.page(questionnaire.id, $0.id) } ?? Paths.start(questionnaire.id)
        let view = CheckAnswersView(
            layout: site.layout(title: "Check your answers", questionnaire: questionnaire), rows: rows, backHref: lastPage,
            actionHref: Paths.submit(questionnaire.id), csrfToken: site.antiForgery.token(for: respondent.token))
        return site.renderer.response("check_answers", view)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let questionnaire = try questionnaire(context)
        let input = try await FormBody.read(request, context: context)
        let respondent = try site.verifiedRespondent(request, input: input)
        guard let stored = try await site.database.draft(respondentKey: respondent.key, formID: questionnaire.id) else {
            // Already submitted (another press of the button, perhaps still in flight): the confirmation
            // page shows the reference once its cookie has arrived, and sends anyone else to the start.
            return .redirect(to: Paths.confirmation(questionnaire.id), type: .normal)
        }
        let journey = Journey(questionnaire: questionnaire, draft: stored.draft)
        if let redirect = try await redirectIfIncomplete(journey, respondent) { return redirect }

        guard let reference = try await site.database.submit(
            respondentKey: respondent.key, formID: questionnaire.id, formVersion: questionnaire.version,
            answers: journey.submittableAnswers, at: site.configuration.now())
        else {
            // Another press of Submit got there first and stored the response.
            return .redirect(to: Paths.confirmation(questionnaire.id), type: .normal)
        }
        var response = Response.redirect(to: Paths.confirmation(questionnaire.id), type: .normal)
        response.setCookie(site.cookies.receiptCookie(formID: questionnaire.id, reference: reference))
        return response
    }

    /// Sends the person to the first page still to answer, re-checking saved answers first:
    /// if the questionnaire changed since they answered, a page that no longer passes is reopened.
    private func redirectIfIncomplete(_ journey: Journey, _ respondent: Respondent) async throws -> Response? {
        let questionnaire = journey.questionnaire
        let validator = PageValidator(context: site.validationContext())
        let failing = Set(journey.visiblePages.filter { page in
            journey.isCompleted(page.id)
                && !validator.revalidate(journey.visibleQuestions(on: page), answers: journey.draft.answers).problems.isEmpty
        }.map(\.id))
        var draft = journey.draft
        if !failing.isEmpty {
            draft = try await site.database.updateDraft(
                respondentKey: respondent.key, formID: questionnaire.id, formVersion: questionnaire.version,
                at: site.configuration.now()
            ) { latest in
                var reopened = latest
                reopened.completedPages.removeAll(where: failing.contains)
                return reopened
            }
        }
        guard let next = Journey(questionnaire: questionnaire, draft: draft).firstIncompletePage else { return nil }
        return .redirect(to: Paths.page(questionnaire.id, next.id), type: .normal)
    }
}
