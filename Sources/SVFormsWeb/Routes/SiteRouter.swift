import Hummingbird
import SVFormsStore

/// Registers handlers for `SiteRoute`s: signed-in routes behind `SessionMiddleware` and a
/// `RoleMiddleware` for their role, and every POST handler behind `FormPostCheck`, so no handler checks a
/// role or an anti-forgery token itself, or reads a body.
struct SiteRouter {
    typealias Handler = @Sendable (Request, AppRequestContext) async throws -> Response
    private let router: Router<AppRequestContext>
    private let session: SessionMiddleware
    private let formCheck: FormPostCheck

    init(_ router: Router<AppRequestContext>, session: SessionMiddleware, formCheck: FormPostCheck) {
        self.router = router
        self.session = session
        self.formCheck = formCheck
    }

    /// Where a route with `access` is registered: signed-in routes pass the session and role checks first.
    private func group(for access: RouteAccess) -> RouterGroup<AppRequestContext> {
        switch access {
        case .anyone, .link: router.group()
        case .role(let role): router.group().add(middleware: session).add(middleware: RoleMiddleware(role: role))
        }
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
        } else if let precondition {
            handle = { request, context in
                try await precondition(context)
                return try await handler(request, context)
            }
        }
        group(for: route.access).on(RouterPath(route.pattern), method: route.method, use: handle)
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
