import Hummingbird
import SVFormsCore
import SVFormsStore

/// Reads every form post once and checks its anti-forgery token before the handler runs (`SiteRouter`
/// wraps every POST handler in it), then hands the parsed form over in `context.form`. The token is an HMAC of what ties the form to its sender: the
/// session on signed-in routes, the personal link's token on a representative's pages, the respondent
/// cookie elsewhere (no cookie yet means the page was never shown to this browser). A post that fails
/// is the "page expired" page; nothing in it is used. A link token that is not one of ours is a 404 first.
struct FormPostCheck: Sendable {
    let antiForgery: AntiForgery
    let cookies: RespondentCookies

    /// The posted form, once its token matches what `tie` says the form is tied to.
    func form(_ request: Request, _ context: AppRequestContext, tiedTo tie: SiteRoute.FormTie) async throws -> FormInput {
        if let token = context.parameters.get("token"), !RandomToken.isWellFormed(token) { throw WebError.notFound }
        let input = try await FormBody.read(request, context: context)
        guard let basis = basis(tie, request, context), antiForgery.isValid(AntiForgery.submittedToken(in: input), for: basis) else {
            throw WebError.formExpired
        }
        return input
    }

    private func basis(_ tie: SiteRoute.FormTie, _ request: Request, _ context: AppRequestContext) -> String? {
        switch tie {
        case .session: context.sessionToken
        case .personalLink: context.parameters.get("token")
        case .respondentCookie: cookies.token(in: request)
        }
    }
}

extension AppRequestContext {
    /// The posted form, read and checked by `FormPostCheck` on every POST route.
    func postedForm() throws(WebError) -> FormInput {
        guard let form else { throw .badRequest }
        return form
    }
}
