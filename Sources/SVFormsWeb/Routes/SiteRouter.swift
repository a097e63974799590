import Hummingbird
import SVFormsStore

/// Registers handlers for `SiteRoute`s: signed-in routes behind `SessionMiddleware` and a
/// `RoleMiddleware` for their role, and every POST handler behind `FormPostCheck`, so no handler checks a
/// role or an anti-forgery token itself, or reads a body.
struct SiteRouter {
    typealias Handler = @Sendable (Request, AppRequestContext) async throws -> Response
    private let groups: [String: RouterGroup<AppRequestContext>]
    private let formCheck: FormPostCheck

    init(_ router: Router<AppRequestContext>, session: SessionMiddleware, formCheck: FormPostCheck) {
        var groups = ["anyone": router.group(), "link": router.group()]
        for role in Role.allCases {
            groups[RouteAccess.role(role).description] = router.group().add(middleware: session).add(middleware: RoleMiddleware(role: role))
        }
        self.groups = groups
        self.formCheck = formCheck
    }

    /// Registers `handler` for `route`. A POST's form is checked first; `precondition` runs before even
    /// that, for a route whose link must be looked up first (a spent one-time link is a 404, not "page expired").
    func on(_ route: SiteRoute, after precondition: (@Sendable (AppRequestContext) async throws -> Void)? = nil, use handler: @escaping Handler) {
        var handle = handler
        if route.method == .post {
            let formCheck = formCheck
            let tie = route.formTie
            handle = { request, context in
                var context = context
                try await precondition?(context)
                context.form = try await formCheck.form(request, context, tiedTo: tie)
                return try await handler(request, context)
            }
        }
        // Every access has its group, built above.
        groups[route.access.description]?.on(RouterPath(route.pattern), method: route.method, use: handle)
    }
}

/// Lets a signed-in request through only when its account's role includes `role`; a 403 page otherwise.
struct RoleMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let role: Role

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.account?.role.includes(role) == true else { throw WebError.notPermitted }
        return try await next(request, context)
    }
}
