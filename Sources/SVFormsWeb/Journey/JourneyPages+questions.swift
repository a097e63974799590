import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension JourneyPages {
    func showPage(_ pageID: String, _ request: Request, _ scope: JourneyScope) async throws -> Response {
        let page = try page(pageID, of: scope.questionnaire)
        let journey = Journey(questionnaire: scope.questionnaire, draft: try await draft(scope))
        if let redirect = redirectIfNotVisitable(page, journey, scope) { return finish(redirect, scope) }
        var answers = journey.draft.answers
        // An invited person's organisation is known: offered as the answer until they choose otherwise.
        if let organisation = scope.questionnaire.organisationQuestion, answers[organisation.id] == nil,
            let representative = scope.invitation?.representative
        {
            answers[organisation.id] = [representative.organisationID]
        }
        let input = FormInput.prefilled(from: answers, for: page.questions)
        let response = render(page, journey, scope, input: input, problems: [], returning: Self.isReturning(request))
        return finish(response, scope)
    }

    func answerPage(_ pageID: String, _ request: Request, _ context: AppRequestContext, _ scope: JourneyScope) async throws -> Response {
        let questionnaire = scope.questionnaire
        let page = try page(pageID, of: questionnaire)
        let input = try context.postedForm()
        let screening = try screeningSignal(input, scope)
        let stored = try await storedDraft(scope)
        let journey = Journey(questionnaire: questionnaire, draft: stored ?? Draft())
        if let redirect = redirectIfNotVisitable(page, journey, scope) { return redirect }

        let returning = Self.isReturning(request)
        let result = PageValidator(context: clock.validationContext()).validate(journey.visibleQuestions(on: page), input: input)
        guard result.problems.isEmpty else {
            return render(page, journey, scope, input: input, problems: result.problems, returning: returning)
        }
        let answers = result.answers
        let now = clock.now()
        if scope.invitation == nil, stored == nil, let wait = await draftLimit.take(clients.throttleKey(request, context), at: now) {
            // Starting a new form from an address that started many just now: the page comes back as typed.
            var response = render(page, journey, scope, input: input, problems: [], returning: returning, waitSeconds: wait)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        let updated = try await responseStore.updateDraft(
            respondentKey: scope.draftKey, formID: questionnaire.id, formVersion: questionnaire.version, at: now,
            checkingJourney: screening?.stamp.journey
        ) { latest, journeyIsSpent in
            let answered = Journey(questionnaire: questionnaire, draft: latest).answering(page, with: answers)
            return noting(screening, in: answered, journeyIsSpent: journeyIsSpent, at: now)
        }
        let next = Journey(questionnaire: questionnaire, draft: updated).destination(after: page.id, returningToCheck: returning)
        var response = Response.redirect(to: scope.destination(next, returningToCheck: returning), type: .normal)
        // Renewed on every answer: the 30 days count from the last change, as drafts are kept.
        if let token = scope.cookieToken { response.setCookie(cookies.respondentCookie(token)) }
        return response
    }

    private func page(_ pageID: String, of questionnaire: Questionnaire) throws(WebError) -> Page {
        guard let page = questionnaire.page(id: pageID) else { throw .notFound }
        return page
    }

    /// Whether the person came from "Check your answers" and should go back there.
    static func isReturning(_ request: Request) -> Bool {
        request.uri.queryParameters["from"] == "check"
    }

    /// A page that is hidden, or whose earlier pages are unanswered, sends the person to where they should be.
    private func redirectIfNotVisitable(_ page: Page, _ journey: Journey, _ scope: JourneyScope) -> Response? {
        guard !journey.canVisit(page.id) else { return nil }
        let target = journey.firstIncompletePage.map { Journey.Destination.page($0.id) } ?? .checkAnswers
        return .redirect(to: scope.destination(target), type: .normal)
    }

    private func render(
        _ page: Page, _ journey: Journey, _ scope: JourneyScope, input: FormInput, problems: [FieldProblem], returning: Bool,
        waitSeconds: Int? = nil
    ) -> Response {
        let questions = journey.visibleQuestions(on: page)
        let isSingle = questions.count == 1
        let views = questions.map { question in
            QuestionView(question, input: input, problem: problems.first { $0.questionID == question.id }, isPageHeading: isSingle)
        }
        let backHref = returning ? scope.check : journey.page(before: page.id).map { scope.page($0.id) } ?? scope.basePath
        let title = page.title ?? questions.first?.label ?? scope.questionnaire.title
        let view = QuestionPageView(
            layout: presenter.layout(title: title, scope: scope, hasErrors: !problems.isEmpty),
            heading: isSingle ? nil : page.title, questions: views,
            errors: problems.compactMap { problem in
                questions.first { $0.id == problem.questionID }.map { ErrorLinkView(problem, question: $0) }
            },
            backHref: backHref, actionHref: scope.page(page.id, returningToCheck: returning),
            csrfToken: antiForgery.token(for: scope.antiForgeryBasis), shownStamp: shownStamp(scope, journey.draft),
            waitNotice: waitSeconds.map(WaitNotice.init))
        if waitSeconds != nil { return presenter.response(.question, view, status: .tooManyRequests) }
        guard problems.isEmpty else { return presenter.response(.question, view, status: .unprocessableContent) }
        return presenter.response(.question, prerendering: view)
    }
}
