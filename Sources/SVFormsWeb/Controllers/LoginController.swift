import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// Signing in and out. Failures look the same whether or not the account exists, take as
/// long, and are throttled per account and per client address; every attempt is audited.
struct LoginController: Sendable {
    let site: Site

    func addRoutes(to router: Router<AppRequestContext>) {
        let admin = router.group("admin")
        admin.get("login", use: show)
        admin.post("login", use: signIn)
    }

    func addSignedInRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("logout", use: signOut)
    }

    static let failureMessage = "Enter the email address and password of an active account"

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let respondent = site.respondent(request)
        let notice = request.uri.queryParameters["signed-out"] != nil ? "You have signed out." : nil
        let page = form(request, respondent: respondent, email: nil, errors: [], notice: notice)
        return site.finish(site.renderer.response("simple_form", page), for: respondent)
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await FormBody.read(request, context: context)
        let respondent = try site.verifiedRespondent(request, input: input)
        let email = (input.value("email") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let password = input.values("password").first ?? ""
        var errors: [ErrorLinkView] = []
        if email.isEmpty { errors.append(ErrorLinkView(name: "email", message: "Enter your email address")) }
        if password.isEmpty { errors.append(ErrorLinkView(name: "password", message: "Enter your password")) }
        guard errors.isEmpty else { return rejected(request, respondent, email: email, errors: errors) }

        let now = site.configuration.now()
        let client = context.clientAddress
        if let wait = await site.loginThrottle.retryAfter(account: email, client: client, at: now) {
            try await site.database.record(AuditEvent(at: now, actor: "anonymous", action: "login.throttled", subject: String(email.prefix(254)), client: client))
            throw WebError.tooManyAttempts(retryAfter: Int(wait.rounded(.up)))
        }
        guard let account = try await verifiedAccount(email: email, password: password) else {
            await site.loginThrottle.recordFailure(account: email, client: client, at: now)
            try await site.database.record(AuditEvent(at: now, actor: "anonymous", action: "login.failure", subject: String(email.prefix(254)), client: client))
            return rejected(request, respondent, email: email, errors: [ErrorLinkView(name: "email", message: Self.failureMessage)])
        }
        await site.loginThrottle.recordSuccess(account: email)
        try await site.database.record(AuditEvent(at: now, actor: account.email, action: "login.success", client: client))
        let next = AdminPaths.safeNext(request.uri.queryParameters["next"].map(String.init)) ?? AdminPaths.dashboard
        return try await startSession(for: account, replacing: request, redirectTo: next)
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await FormBody.read(request, context: context)
        guard let token = context.sessionToken, site.antiForgery.isValid(input.value(AntiForgery.fieldName), for: token) else {
            throw WebError.formExpired
        }
        try await site.database.deleteSession(tokenHash: RandomToken.hash(token))
        if let account = context.account {
            try await site.database.record(
                AuditEvent(at: site.configuration.now(), actor: account.email, action: "logout", client: context.clientAddress))
        }
        var response = Response.redirect(to: "/admin/login?signed-out", type: .normal)
        response.setCookie(site.sessionCookies.expired())
        return response
    }

    /// A new session with a new token (never one the browser already had), the old one ended.
    func startSession(for account: Account, replacing request: Request, redirectTo path: String) async throws -> Response {
        if let old = site.sessionCookies.token(in: request) { try await site.database.deleteSession(tokenHash: RandomToken.hash(old)) }
        let token = RandomToken.generate()
        try await site.database.createSession(tokenHash: RandomToken.hash(token), accountID: account.id, at: site.configuration.now())
        var response = Response.redirect(to: path, type: .normal)
        response.setCookie(site.sessionCookies.cookie(token))
        return response
    }

    /// The account when the password is right and the account active; the work done is the same either way.
    private func verifiedAccount(email: String, password: String) async throws -> Account? {
        guard let (account, hash) = try await site.database.accountForSignIn(email: email) else {
            _ = try await site.passwords.verify(password, against: try await site.decoyPasswordHash.value)
            return nil
        }
        let matches = try await site.passwords.verify(password, against: hash)
        return matches && !account.isDisabled ? account : nil
    }

    private func rejected(_ request: Request, _ respondent: Respondent, email: String, errors: [ErrorLinkView]) -> Response {
        site.renderer.response("simple_form", form(request, respondent: respondent, email: email, errors: errors), status: .unprocessableContent)
    }

    private func form(_ request: Request, respondent: Respondent, email: String?, errors: [ErrorLinkView], notice: String? = nil) -> SimpleFormView {
        let next = AdminPaths.safeNext(request.uri.queryParameters["next"].map(String.init))
        let emailError = errors.first { $0.href == "#" + QuestionView.htmlID("email") }?.message
        let passwordError = errors.first { $0.href == "#" + QuestionView.htmlID("password") }?.message
        return SimpleFormView(
            layout: site.layout(title: "Sign in", hasErrors: !errors.isEmpty), heading: "Sign in", notice: notice,
            fields: [
                .input(name: "email", label: "Email address", type: "email", value: email, error: emailError, autocomplete: "username"),
                .input(name: "password", label: "Password", type: "password", error: passwordError, autocomplete: "current-password"),
            ],
            errors: errors, actionHref: AdminPaths.login(next: next), csrfToken: site.antiForgery.token(for: respondent.token),
            buttonText: "Sign in")
    }
}
