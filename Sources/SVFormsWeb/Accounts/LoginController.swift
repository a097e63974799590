import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// Signing in and out. Failures look the same whether or not the account exists, take as
/// long, and are throttled (`AttemptThrottle`: per known device, or per account and client address
/// for unknown ones); every attempt is audited.
struct LoginController: Sendable {
    let accountStore: AccountStore
    let presenter: Presenter
    let clock: SiteClock
    let auditor: Auditor
    let clients: ClientAddresses
    let cookies: RespondentCookies
    let sessionCookies: SessionCookies
    let deviceCookies: DeviceCookies
    let antiForgery: AntiForgery
    let throttle: AttemptThrottle
    let passwords: PasswordHasher
    let decoyPasswordHash: Task<String, any Error>
    let sessions: SessionStarter

    func addRoutes(to routes: SiteRouter) {
        routes.on(.login, use: show)
        routes.on(.signIn, use: signIn)
    }

    func addSignedInRoutes(to routes: SiteRouter) {
        routes.on(.logout, use: signOut)
    }

    static let failureMessage = "Enter the email address and password of an active account"

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let respondent = cookies.respondent(request)
        let notice = request.uri.queryParameters["signed-out"] != nil ? "You have signed out." : nil
        let page = form(request, respondent: respondent, email: nil, errors: FieldErrors(), notice: notice)
        return cookies.finish(presenter.response(.simpleForm, page), for: respondent)
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try context.postedForm()
        let respondent = cookies.respondent(request)
        let email = (input.value("email") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let password = input.values("password").first ?? ""
        var errors = FieldErrors()
        if email.isEmpty { errors.add("email", "Enter your email address") }
        if password.isEmpty { errors.add("password", "Enter your password") }
        guard errors.isEmpty else { return rejected(request, respondent, email: email, errors: errors) }

        let now = clock.now()
        let client = clients.address(request, context)
        // What was typed as the email goes in the audit log only if it is one: people sometimes
        // type their password there, and it must not be kept.
        let tried = EmailAddress.isPlausible(email) ? email : "(not an email address)"
        let attempt = AttemptThrottle.signIn(
            email: email, device: deviceCookies.device(in: request, for: email), client: ClientAddress.throttleKey(client))
        let reservation: AttemptReservation
        switch try await throttle.reserve(attempt, at: now) {
        case .refused(let wait, let isFirstRefusal):
            if isFirstRefusal {
                try await auditor.audit("login.throttled", subject: tried, by: "anonymous", request, context)
            }
            throw WebError.tooManyAttempts(retryAfter: Int(wait.rounded(.up)))
        case .allowed(let reserved):
            reservation = reserved
        }
        guard let account = try await verifiedAccount(email: email, password: password) else {
            try await auditor.audit("login.failure", subject: tried, by: "anonymous", request, context)
            errors.add("email", Self.failureMessage)
            return rejected(request, respondent, email: email, errors: errors)
        }
        try await throttle.succeeded(reservation, attempt)
        try await auditor.audit("login.success", by: account.email, request, context)
        let next = SiteRoute.safeNext(request.uri.queryParameters["next"].map(String.init)) ?? SiteRoute.dashboard.path()
        var response = try await sessions.startSession(for: account, replacing: request, redirectTo: next)
        // Known from now on: failures from elsewhere no longer slow this browser's sign-ins.
        response.setCookie(deviceCookies.cookie(for: account.email))
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.postedForm()
        guard let token = context.sessionToken else { throw WebError.formExpired }
        try await accountStore.deleteSession(tokenHash: RandomToken.hash(token))
        if let account = context.account {
            try await auditor.audit("logout", by: account.email, request, context)
        }
        var response = Response.redirect(to: SiteRoute.login.path() + "?signed-out", type: .normal)
        response.setCookie(sessionCookies.expired())
        return response
    }

    /// The account when the password is right and the account active; the work done is the same either way.
    private func verifiedAccount(email: String, password: String) async throws -> Account? {
        guard let (account, hash) = try await accountStore.accountForSignIn(email: email) else {
            _ = try await passwords.verify(password, against: try await decoyPasswordHash.value)
            return nil
        }
        let matches = try await passwords.verify(password, against: hash)
        return matches && !account.isDisabled ? account : nil
    }

    private func rejected(_ request: Request, _ respondent: Respondent, email: String, errors: FieldErrors) -> Response {
        presenter.response(.simpleForm, form(request, respondent: respondent, email: email, errors: errors), status: .unprocessableContent)
    }

    private func form(
        _ request: Request, respondent: Respondent, email: String?, errors: FieldErrors, notice: String? = nil
    ) -> SimpleFormView {
        let next = SiteRoute.safeNext(request.uri.queryParameters["next"].map(String.init))
        return SimpleFormView(
            layout: presenter.layout(title: "Sign in", hasErrors: !errors.isEmpty), heading: "Sign in", notice: notice,
            fields: [
                .input(name: "email", label: "Email address", type: "email", value: email, error: errors["email"], autocomplete: "username"),
                .input(name: "password", label: "Password", type: "password", error: errors["password"], autocomplete: "current-password"),
            ],
            errors: errors.links, actionHref: SiteRoute.signInPage(returningTo: next), csrfToken: antiForgery.token(for: respondent.token),
            buttonText: "Sign in")
    }
}
