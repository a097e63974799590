import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// The respondent journey: start page, question pages, check answers, submit, confirmation.
struct FormController: Sendable {
    let site: Site

    func addRoutes(to router: Router<AppRequestContext>) {
        let forms = router.group("f")
        forms.get(":form", use: start)
        forms.get(":form/check", use: checkAnswers)
        forms.post(":form/submit", use: submit)
        forms.get(":form/confirmation", use: confirmation)
        forms.get(":form/:page", use: showPage)
        forms.post(":form/:page", use: answerPage)
    }

    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        let questionnaire = try questionnaire(context)
        let respondent = site.respondent(request)
        let journey = Journey(questionnaire: questionnaire, draft: try await draft(respondent, questionnaire))
        guard let firstPage = journey.visiblePages.first?.id else { throw WebError.notFound }
        let resumeHref = journey.draft.completedPages.isEmpty
            ? nil : Paths.destination(questionnaire.id, journey.firstIncompletePage.map { .page($0.id) } ?? .checkAnswers)
        let view = StartPageView(
            layout: site.layout(title: "Start", questionnaire: questionnaire), title: questionnaire.title,
            description: questionnaire.description, privacy: questionnaire.privacy,
            estimatedMinutes: questionnaire.estimatedMinutes, startHref: Paths.page(questionnaire.id, firstPage),
            resumeHref: resumeHref)
        return site.renderer.response("start", view)
    }

    @Sendable func confirmation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let questionnaire = try questionnaire(context)
        guard let reference = site.cookies.receipt(in: request, formID: questionnaire.id), Reference.isWellFormed(reference) else {
            return .redirect(to: Paths.start(questionnaire.id), type: .normal)
        }
        let view = ConfirmationView(
            layout: site.layout(title: "Form submitted", questionnaire: questionnaire), reference: reference,
            nextSteps: questionnaire.confirmation, startHref: Paths.start(questionnaire.id))
        return site.renderer.response("confirmation", view)
    }

    /// The questionnaire named in the URL, if it may be answered by link; otherwise 404.
    func questionnaire(_ context: AppRequestContext) throws(WebError) -> Questionnaire {
        guard let id = context.parameters.get("form"), let questionnaire = site.catalog.questionnaire(id: id),
            questionnaire.isOpenToPublicLink
        else { throw .notFound }
        return questionnaire
    }
}
