import Hummingbird
import SVFormsCore
import SVFormsStore

/// The home page, exit link and stylesheet.
struct PublicController: Sendable {
    let catalog: FormCatalog
    let presenter: Presenter
    let cookies: RespondentCookies
    let stylesheet: Stylesheet
    let exitURL: String

    func addRoutes(to routes: SiteRouter) {
        routes.on(.home, use: index)
        routes.on(.exit, use: exit)
        routes.on(.asset, use: asset)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let forms = catalog.publicQuestionnaires.map {
            FormLinkView(href: SiteRoute.formStart.path($0.id), title: $0.title, summary: $0.description.first)
        }
        let view = IndexPageView(
            layout: presenter.layout(title: "Have your say", isPublic: true), partnershipName: catalog.partnership.name, forms: forms)
        return presenter.response(.index, view)
    }

    /// "Exit this page": a redirect, so the neutral page replaces ours without JavaScript,
    /// and no referrer tells the neutral site where the person came from. The browser is
    /// told to forget its respondent and receipt cookies, so the next person to pick up
    /// the device cannot open the answers; nothing on the server changes on a GET.
    @Sendable func exit(_ request: Request, context: AppRequestContext) async throws -> Response {
        var response = Response.redirect(to: exitURL, type: .normal)
        response.headers[.referrerPolicy] = "no-referrer"
        for cookie in cookies.expiredCookies() { response.setCookie(cookie) }
        return response
    }

    @Sendable func asset(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard request.uri.path == stylesheet.path else { throw WebError.notFound }
        return stylesheet.response()
    }
}
