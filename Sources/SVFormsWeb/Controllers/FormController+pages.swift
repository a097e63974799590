import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension FormController {
    @Sendable func showPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let questionnaire = try questionnaire(context)
        let page = try page(of: questionnaire, context)
        let respondent = site.respondent(request)
        let journey = Journey(questionnaire: questionnaire, draft: try await draft(respondent, questionnaire))
        if let redirect = redirectIfNotVisitable(page, journey) { return site.finish(redirect, for: respondent) }
        let input = FormInput.prefilled(from: journey.draft.answers, for: page.questions)
        let response = render(page, journey, input: input, problems: [], respondent: respondent, returning: isReturning(request))
        return site.finish(response, for: respondent)
    }

    @Sendable func answerPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let questionnaire = try questionnaire(context)
        let page = try page(of: questionnaire, context)
        let input = try await FormBody.read(request, context: context)
        let respondent = try site.verifiedRespondent(request, input: input)
        let journey = Journey(questionnaire: questionnaire, draft: try await draft(respondent, questionnaire))
        if let redirect = redirectIfNotVisitable(page, journey) { return redirect }

        let returning = isReturning(request)
        let result = PageValidator(context: site.validationContext()).validate(journey.visibleQuestions(on: page), input: input)
        guard result.problems.isEmpty else {
            return render(page, journey, input: input, problems: result.problems, respondent: respondent, returning: returning)
        }
        let answers = result.answers
        let updated = try await site.database.updateDraft(
            respondentKey: respondent.key, formID: questionnaire.id, formVersion: questionnaire.version,
            at: site.configuration.now()
        ) { latest in
            Journey(questionnaire: questionnaire, draft: latest).answering(page, with: answers)
        }
        let next = Journey(questionnaire: questionnaire, draft: updated).destination(after: page.id, returningToCheck: returning)
        var response = Response.redirect(to: Paths.destination(questionnaire.id, next, returningToCheck: returning), type: .normal)
        // Renewed on every answer: the 30 days count from the last change, as drafts are kept.
        response.setCookie(site.cookies.respondentCookie(respondent.token))
        return response
    }

    private func page(of questionnaire: Questionnaire, _ context: AppRequestContext) throws(WebError) -> Page {
        guard let id = context.parameters.get("page"), let page = questionnaire.page(id: id) else { throw .notFound }
        return page
    }

    /// Whether the person came from "Check your answers" and should go back there.
    private func isReturning(_ request: Request) -> Bool {
        request.uri.queryParameters["from"] == "check"
    }

    /// A page that is hidden, or whose earlier pages are unanswered, sends the person to where they should be.
    private func redirectIfNotVisitable(_ page: Page, _ journey: Journey) -> Response? {
        guard !journey.canVisit(page.id) else { return nil }
        let target = journey.firstIncompletePage.map { Journey.Destination.page($0.id) } ?? .checkAnswers
        return .redirect(to: Paths.destination(journey.questionnaire.id, target), type: .normal)
    }

    private func render(
        _ page: Page, _ journey: Journey, input: FormInput, problems: [FieldProblem], respondent: Respondent, returning: Bool
    ) -> Response {
        let questionnaire = journey.questionnaire
        let questions = journey.visibleQuestions(on: page)
        let isSingle = questions.count == 1
        let views = questions.map { question in
            QuestionView(question, input: input, problem: problems.first { $0.questionID == question.id }, isPageHeading: isSingle)
        }
        let backHref = returning
            ? Paths.check(questionnaire.id)
            : journey.page(before: page.id).map { Paths.page(questionnaire.id, $0.id) } ?? Paths.start(questionnaire.id)
        let title = page.title ?? questions.first?.label ?? questionnaire.title
        let view = QuestionPageView(
            layout: site.layout(title: title, questionnaire: questionnaire, hasErrors: !problems.isEmpty),
            heading: isSingle ? nil : page.title, questions: views,
            errors: problems.compactMap { problem in
                questions.first { $0.id == problem.questionID }.map { ErrorLinkView(problem, question: $0) }
            },
            backHref: backHref, actionHref: Paths.page(questionnaire.id, page.id, returningToCheck: returning),
            csrfToken: site.antiForgery.token(for: respondent.token))
        return site.renderer.response("question", view, status: problems.isEmpty ? .ok : .unprocessableContent)
    }
}
