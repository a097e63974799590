import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// `/admin/link-responses`: responses to an invited questionnaire that came through its public link
/// instead of an invitation. They count in no figure until a lead accepts one; a lead may delete one
/// instead (asked to confirm first). Each decision is audited.
struct LinkResponsesController: Sendable {
    let responseStore: ResponseStore
    let catalog: FormCatalog
    let presenter: Presenter
    let clock: SiteClock
    let clients: ClientAddresses
    /// More than a page can sensibly show; the oldest come first.
    static let pageLimit = 200

    func addRoutes(to routes: SiteRouter) {
        routes.on(.linkResponses, use: list)
        routes.on(.linkResponseDecision, use: decide)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await page(context, notice: Notice(request, on: .linkResponses)?.text, unconfirmed: nil)
    }

    @Sendable func decide(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        let input = try context.postedForm()
        guard let formID = context.parameters.get("form"), let questionnaire = catalog.questionnaire(id: formID),
            questionnaire.audience == .invited, let reference = context.parameters.get("reference"), Reference.isWellFormed(reference)
        else { throw WebError.notFound }
        let accept: Bool
        switch context.parameters.get("action") {
        case "accept": accept = true
        case "delete":
            guard input.value("confirm") == "yes" else { return try await page(context, notice: nil, unconfirmed: reference) }
            accept = false
        default: throw WebError.notFound
        }
        guard
            try await responseStore.decide(
                linkResponse: reference, formID: formID, accept: accept, by: account.email, client: clients.address(request, context),
                at: clock.now())
        else { throw WebError.notFound }
        return Notice.linkResponse(accepted: accept, reference: reference).redirect(to: SiteRoute.linkResponses.path())
    }

    /// Every invited questionnaire whose link is on, or that still has responses waiting from when it was.
    private func page(_ context: AppRequestContext, notice: String?, unconfirmed: String?) async throws -> Response {
        var forms: [(questionnaire: Questionnaire, waiting: [WaitingLinkResponse])] = []
        for questionnaire in catalog.questionnaires where questionnaire.audience == .invited {
            let waiting = try await responseStore.waitingLinkResponses(formID: questionnaire.id, limit: Self.pageLimit)
            if questionnaire.publicLink || !waiting.isEmpty { forms.append((questionnaire, waiting)) }
        }
        let view = LinkResponsesPageView(
            layout: presenter.adminLayout(title: "Responses through the public link", context, hasErrors: unconfirmed != nil),
            forms: forms, partnership: catalog.partnership, csrfToken: presenter.csrfToken(context), notice: notice, unconfirmed: unconfirmed)
        return presenter.response(.linkResponses, view, status: unconfirmed == nil ? .ok : .unprocessableContent)
    }
}
