import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// Guards signed-in pages: finds a live session from its cookie, or sends the person to sign in
/// (coming back to the page they asked for). Idle and absolute timeouts are enforced here.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let accountStore: AccountStore
    let clock: SiteClock
    let sessionCookies: SessionCookies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let now = clock.now()
        if let token = sessionCookies.token(in: request) {
            let hash = RandomToken.hash(token)
            if let session = try await accountStore.session(tokenHash: hash) {
                if SessionPolicy.isLive(session, at: now) {
                    context.account = session.account
                    context.sessionToken = token
                    if now.timeIntervalSince(session.lastSeenAt) >= SessionPolicy.touchInterval {
                        try await accountStore.touchSession(tokenHash: hash, at: now)
                    }
                } else {
                    try await accountStore.deleteSession(tokenHash: hash)
                }
            }
        }
        guard context.account != nil else {
            let wanted = request.method == .get ? request.uri.path : nil
            var response = Response.redirect(to: SiteRoute.signInPage(returningTo: wanted), type: .normal)
            if sessionCookies.token(in: request) != nil { response.setCookie(sessionCookies.expired()) }
            return response
        }
        return try await next(request, context)
    }
}

extension AppRequestContext {
    /// The signed-in account. On a signed-in route `SessionMiddleware` and `RoleMiddleware` have let the
    /// request through, so there is one; elsewhere this is a 403 page.
    func signedInAccount() throws(WebError) -> Account {
        guard let account else { throw .notPermitted }
        return account
    }

    /// The signed-in account if its role includes `role`, for the one route whose files need more than the
    /// route's own role (responses for leads beside voice counts for viewers); otherwise a 403 page.
    func require(_ role: Role) throws(WebError) -> Account {
        guard let account, account.role.includes(role) else { throw .notPermitted }
        return account
    }
}
