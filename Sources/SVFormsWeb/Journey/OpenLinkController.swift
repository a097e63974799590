import Hummingbird
import SVFormsCore

/// `/f/{form}`: questionnaires anyone with the link may answer, the browser known by its cookie.
struct OpenLinkController: Sendable {
    let catalog: FormCatalog
    let cookies: RespondentCookies
    let pages: JourneyPages

    func addRoutes(to routes: SiteRouter) {
        routes.on(.formStart, use: start)
        routes.on(.formCheck, use: checkAnswers)
        routes.on(.formSubmit, use: submit)
        routes.on(.formConfirmation, use: confirmation)
        routes.on(.formPage, use: showPage)
        routes.on(.formPageAnswers, use: answerPage)
    }

    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await pages.start(scope(request, context))
    }

    @Sendable func showPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await pages.showPage(context.parameters.require("page"), request, scope(request, context))
    }

    @Sendable func answerPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await pages.answerPage(context.parameters.require("page"), request, context, scope(request, context))
    }

    @Sendable func checkAnswers(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await pages.checkAnswers(scope(request, context))
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try scope(request, context)
        var (response, reference) = try await pages.submit(request, context, scope)
        // The browser learns its reference from a short-lived cookie: nothing ties it to the response on the server.
        if let reference { response.setCookie(cookies.receiptCookie(formID: scope.questionnaire.id, reference: reference)) }
        return response
    }

    @Sendable func confirmation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try scope(request, context)
        return pages.confirmation(scope, reference: cookies.receipt(in: request, formID: scope.questionnaire.id))
    }

    /// The questionnaire named in the URL, if it may be answered by link; otherwise 404.
    private func scope(_ request: Request, _ context: AppRequestContext) throws(WebError) -> JourneyScope {
        guard let id = context.parameters.get("form"), let questionnaire = catalog.questionnaire(id: id),
            questionnaire.isOpenToPublicLink
        else { throw .notFound }
        return .openLink(questionnaire, request, cookies: cookies)
    }
}
