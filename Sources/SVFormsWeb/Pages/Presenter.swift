import Hummingbird
import Mustache
import SVFormsCore

/// Shows pages: the templates, and the layout every page sits in (the partnership's name, the
/// stylesheet, the safeguarding contacts on public pages, the signed-in header and its token).
struct Presenter: Sendable {
    let renderer: PageRenderer
    let partnership: Partnership
    let stylesheet: Stylesheet
    let antiForgery: AntiForgery

    func response(_ template: Template, _ view: some MustacheParent, status: HTTPResponse.Status = .ok) -> Response {
        renderer.response(template, view, status: status)
    }

    func response(_ template: Template, prerendering view: some PrerenderablePage) -> Response {
        renderer.response(template, prerendering: view)
    }

    /// The anti-forgery token for a signed-in page's forms.
    func csrfToken(_ context: AppRequestContext) -> String {
        context.sessionToken.map(antiForgery.token(for:)) ?? ""
    }

    /// The layout for a page; `pageTitle` gets the "Error: " prefix when the page shows errors.
    func layout(
        title: String, questionnaire: Questionnaire? = nil, hasErrors: Bool = false, isPublic: Bool = false, formHref: String? = nil
    ) -> LayoutView {
        let parts = [title, questionnaire?.title, partnership.displayName].compactMap { $0 }
        let showsSafeguarding = isPublic || questionnaire?.audience == .public
        return LayoutView(
            pageTitle: (hasErrors ? "Error: " : "") + parts.joined(separator: " – "),
            serviceName: partnership.displayName, stylesheetPath: stylesheet.path,
            isPublicForm: showsSafeguarding,
            contacts: showsSafeguarding ? partnership.safeguardingContacts.map(ContactView.init) : [],
            formTitle: questionnaire?.title, formHref: formHref ?? questionnaire.map { SiteRoute.formStart.path($0.id) })
    }

    /// The layout of signed-in pages.
    func adminLayout(title: String, _ context: AppRequestContext, hasErrors: Bool = false) -> LayoutView {
        var layout = layout(title: title, hasErrors: hasErrors)
        if let account = context.account, let token = context.sessionToken {
            layout.signedIn = SignedInView(email: account.email, role: account.role, csrfToken: antiForgery.token(for: token))
        }
        return layout
    }

    /// The layout of a journey page: the header links to the journey's own start page.
    func layout(title: String, scope: JourneyScope, hasErrors: Bool = false) -> LayoutView {
        layout(title: title, questionnaire: scope.questionnaire, hasErrors: hasErrors, formHref: scope.basePath)
    }
}
