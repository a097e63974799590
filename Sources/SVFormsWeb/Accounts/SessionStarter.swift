import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// Starts a signed-in session (the sign-in page and first-run set-up).
struct SessionStarter: Sendable {
    let accountStore: AccountStore
    let sessionCookies: SessionCookies
    let now: @Sendable () -> Date

    /// Signs `account` in with a brand-new session token (never one the browser already had,
    /// so a planted cookie is useless), ending any session the browser was carrying.
    func startSession(for account: Account, replacing request: Request, redirectTo path: String) async throws -> Response {
        if let old = sessionCookies.token(in: request) { try await accountStore.deleteSession(tokenHash: RandomToken.hash(old)) }
        let token = RandomToken.generate()
        try await accountStore.createSession(tokenHash: RandomToken.hash(token), accountID: account.id, at: now())
        var response = Response.redirect(to: path, type: .normal)
        response.setCookie(sessionCookies.cookie(token))
        return response
    }
}
