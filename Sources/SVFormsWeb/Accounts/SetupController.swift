import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// The one-time link `serve` prints when no admin exists: it creates the first admin in the browser.
/// An unknown, used or expired link is a plain 404, so links cannot be probed.
struct SetupController: Sendable {
    let accountStore: AccountStore
    let presenter: Presenter
    let clock: SiteClock
    let auditor: Auditor
    let cookies: RespondentCookies
    let antiForgery: AntiForgery
    let passwords: PasswordHasher
    let sessions: SessionStarter

    func addRoutes(to routes: SiteRouter) {
        routes.on(.setup, use: show)
        routes.on(.setupCreate, after: { _ = try await usableToken($0) }, use: create)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try await usableToken(context)
        let respondent = cookies.respondent(request)
        let page = form(token: token, respondent: respondent, email: nil, errors: FieldErrors())
        return cookies.finish(presenter.response(.simpleForm, page), for: respondent)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try await usableToken(context)
        let input = try context.postedForm()
        let respondent = cookies.respondent(request)
        let email = (input.value("email") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let password = input.values("password").first ?? ""
        var errors = FieldErrors()
        if !EmailAddress.isPlausible(email) {
            errors.add("email", "Enter an email address in the correct format, like name@example.com")
        }
        if let problem = PasswordHasher.problem(with: password) {
            errors.add("password", problem)
        } else if input.values("confirm").first != password {
            errors.add("confirm", "Enter the same password twice")
        }
        guard errors.isEmpty else { return rejected(token, respondent, email: email, errors: errors) }
        let now = clock.now()
        let hash = try await passwords.hash(password)
        let account: Account
        do {
            guard
                let created = try await accountStore.createFirstAdmin(
                    setupTokenHash: RandomToken.hash(token), email: email, passwordHash: hash, at: now)
            else { throw WebError.notFound }
            account = created
        } catch AccountError.emailAlreadyUsed {
            errors.add("email", "An account already uses this email address; choose another, or sign in with that account")
            return rejected(token, respondent, email: email, errors: errors)
        }
        try await auditor.audit("account.created", subject: "admin (first run)", by: account.email, request, context)
        return try await sessions.startSession(for: account, replacing: request, redirectTo: SiteRoute.dashboard.path())
    }

    private func rejected(_ token: String, _ respondent: Respondent, email: String, errors: FieldErrors) -> Response {
        presenter.response(
            .simpleForm, form(token: token, respondent: respondent, email: email, errors: errors), status: .unprocessableContent)
    }

    private func usableToken(_ context: AppRequestContext) async throws -> String {
        guard let token = context.parameters.get("token"), RandomToken.isWellFormed(token),
            try await accountStore.isSetupTokenUsable(hash: RandomToken.hash(token), at: clock.now())
        else { throw WebError.notFound }
        return token
    }

    private func form(token: String, respondent: Respondent, email: String?, errors: FieldErrors) -> SimpleFormView {
        SimpleFormView(
            layout: presenter.layout(title: "Create the first administrator", hasErrors: !errors.isEmpty),
            heading: "Create the first administrator",
            intro: ["This account can add leads and viewers and see the audit log. This link works once, for an hour."],
            fields: [
                .input(name: "email", label: "Email address", type: "email", value: email, error: errors["email"], autocomplete: "username"),
                .input(
                    name: "password", label: "Password", type: "password", error: errors["password"], autocomplete: "new-password",
                    hint: "At least \(PasswordHasher.lengths.lowerBound) characters. A few unrelated words make a strong one."),
                .input(name: "confirm", label: "Confirm password", type: "password", error: errors["confirm"], autocomplete: "new-password"),
            ],
            errors: errors.links, actionHref: SiteRoute.setup.path(token), csrfToken: antiForgery.token(for: respondent.token),
            buttonText: "Create account")
    }
}
