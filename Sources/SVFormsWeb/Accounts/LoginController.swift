import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// Signing in and out. Failures look the same whether or not the account exists, take as
/// long, and are throttled (`AttemptThrottle`: per known device, or per account and client address
/// for unknown ones); every attempt is audited.
struct LoginController: Sendable {
    let site: Site

    func addRoutes(to routes: SiteRouter) {
        routes.on(.login, use: show)
        routes.on(.signIn, use: signIn)
    }

    func addSignedInRoutes(to routes: SiteRouter) {
        routes.on(.logout, use: signOut)
    }

    static let failureMessage = "Enter the email address and password of an active account"

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let respondent = site.respondent(request)
        let notice = request.uri.queryParameters["signed-out"] != nil ? "You have signed out." : nil
        let page = form(request, respondent: respondent, email: nil, errors: FieldErrors(), notice: notice)
        return site.finish(site.renderer.response(.simpleForm, page), for: respondent)
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try context.postedForm()
        let respondent = site.respondent(request)
        let email = (input.value("email") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let password = input.values("password").first ?? ""
        var errors = FieldErrors()
        if email.isEmpty { errors.add("email", "Enter your email address") }
        if password.isEmpty { errors.add("password", "Enter your password") }
        guard errors.isEmpty else { return rejected(request, respondent, email: email, errors: errors) }

        let now = site.configuration.now()
        let client = site.clientAddress(request, context)
        // What was typed as the email goes in the audit log only if it is one: people sometimes
        // type their password there, and it must not be kept.
        let tried = EmailAddress.isPlausible(email) ? email : "(not an email address)"
        let attempt = AttemptThrottle.signIn(
            email: email, device: site.deviceCookies.device(in: request, for: email), client: ClientAddress.throttleKey(client))
        let reservation: AttemptReservation
        switch try await site.throttle.reserve(attempt, at: now) {
        case .refused(let wait, let isFirstRefusal):
            if isFirstRefusal {
                try await site.audit("login.throttled", subject: tried, by: "anonymous", request, context)
            }
            throw WebError.tooManyAttempts(retryAfter: Int(wait.rounded(.up)))
        case .allowed(let reserved):
            reservation = reserved
        }
        guard let account = try await verifiedAccount(email: email, password: password) else {
            try await site.audit("login.failure", subject: tried, by: "anonymous", request, context)
            errors.add("email", Self.failureMessage)
            return rejected(request, respondent, email: email, errors: errors)
        }
        try await site.throttle.succeeded(reservation, attempt)
        try await site.audit("login.success", by: account.email, request, context)
        let next = SiteRoute.safeNext(request.uri.queryParameters["next"].map(String.init)) ?? SiteRoute.dashboard.path()
        var response = try await site.startSession(for: account, replacing: request, redirectTo: next)
        // Known from now on: failures from elsewhere no longer slow this browser's sign-ins.
        response.setCookie(site.deviceCookies.cookie(for: account.email))
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.postedForm()
        guard let token = context.sessionToken else { throw WebError.formExpired }
        try await site.database.deleteSession(tokenHash: RandomToken.hash(token))
        if let account = context.account {
            try await site.audit("logout", by: account.email, request, context)
        }
        var response = Response.redirect(to: SiteRoute.login.path() + "?signed-out", type: .normal)
        response.setCookie(site.sessionCookies.expired())
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

    private func rejected(_ request: Request, _ respondent: Respondent, email: String, errors: FieldErrors) -> Response {
        site.renderer.response(.simpleForm, form(request, respondent: respondent, email: email, errors: errors), status: .unprocessableContent)
    }

    private func form(
        _ request: Request, respondent: Respondent, email: String?, errors: FieldErrors, notice: String? = nil
    ) -> SimpleFormView {
        let next = SiteRoute.safeNext(request.uri.queryParameters["next"].map(String.init))
        return SimpleFormView(
            layout: site.layout(title: "Sign in", hasErrors: !errors.isEmpty), heading: "Sign in", notice: notice,
            fields: [
                .input(name: "email", label: "Email address", type: "email", value: email, error: errors["email"], autocomplete: "username"),
                .input(name: "password", label: "Password", type: "password", error: errors["password"], autocomplete: "current-password"),
            ],
            errors: errors.links, actionHref: SiteRoute.signInPage(returningTo: next), csrfToken: site.antiForgery.token(for: respondent.token),
            buttonText: "Sign in")
    }
}
