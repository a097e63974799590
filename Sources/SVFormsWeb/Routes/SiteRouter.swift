import Hummingbird
import SVFormsStore

/// Registers handlers for `SiteRoute`s: routes for `anyone` and `link` as they are, signed-in routes
/// behind `SessionMiddleware` and a `RoleMiddleware` for their role, so no handler checks a role itself.
struct SiteRouter {
    let router: Router<AppRequestContext>
    private let viewers: RouterGroup<AppRequestContext>
    private let leads: RouterGroup<AppRequestContext>
    private let admins: RouterGroup<AppRequestContext>

    init(_ router: Router<AppRequestContext>, session: SessionMiddleware) {
        self.router = router
        viewers = router.group().add(middleware: session).add(middleware: RoleMiddleware(role: .viewer))
        leads = router.group().add(middleware: session).add(middleware: RoleMiddleware(role: .lead))
        admins = router.group().add(middleware: session).add(middleware: RoleMiddleware(role: .admin))
    }

    func on(_ route: SiteRoute, use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response) {
        let path = RouterPath(route.pattern)
        switch route.access {
        case .anyone, .link: router.on(path, method: route.method, use: handler)
        case .role(.viewer): viewers.on(path, method: route.method, use: handler)
        case .role(.lead): leads.on(path, method: route.method, use: handler)
        case .role(.admin): admins.on(path, method: route.method, use: handler)
        }
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
