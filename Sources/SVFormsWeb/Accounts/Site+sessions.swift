import Hummingbird
import SVFormsCore
import SVFormsStore

extension Site {
    /// Signs `account` in with a brand-new session token (never one the browser already had,
    /// so a planted cookie is useless), ending any session the browser was carrying.
    func startSession(for account: Account, replacing request: Request, redirectTo path: String) async throws -> Response {
        if let old = sessionCookies.token(in: request) { try await database.deleteSession(tokenHash: RandomToken.hash(old)) }
        let token = RandomToken.generate()
        try await database.createSession(tokenHash: RandomToken.hash(token), accountID: account.id, at: configuration.now())
        var response = Response.redirect(to: path, type: .normal)
        response.setCookie(sessionCookies.cookie(token))
        return response
    }

    /// The anti-forgery token for a signed-in page's forms.
    func csrfToken(_ context: AppRequestContext) -> String {
        context.sessionToken.map(antiForgery.token(for:)) ?? ""
    }
}
