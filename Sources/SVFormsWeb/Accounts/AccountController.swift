import Hummingbird
import SVFormsCore
import SVFormsStore

/// `/admin/account`: leads choose which emails they want.
struct AccountController: Sendable {
    let accountStore: AccountStore
    let presenter: Presenter
    let clock: SiteClock

    func addRoutes(to routes: SiteRouter) {
        routes.on(.account, use: show)
        routes.on(.accountSave, use: save)
    }

    static let question = Question(
        id: "notify", label: "Email me", hint: "Select all that apply.", isOptional: true,
        kind: .multipleChoice(
            [
                Choice(value: "submissions", label: "Each time a role survey is submitted"),
                Choice(
                    value: "digest", label: "Every morning, a count of the community voices received the day before",
                    hint: "Counts by area and by what worries people: never what anyone wrote, never contact details."),
            ], SelectionLimits()))

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        let chosen = (account.notifySubmissions ? ["submissions"] : []) + (account.notifyDigest ? ["digest"] : [])
        let notice = Notice(request, on: .account)?.text
        return page(context, account, input: FormInput(["notify": chosen]), notice: notice)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        let input = try context.postedForm()
        let result = PageValidator(context: clock.validationContext()).validate([Self.question], input: input)
        guard result.problems.isEmpty else { throw WebError.badRequest }
        let chosen = Set(result.answers["notify"] ?? [])
        try await accountStore.setNotifications(
            accountID: account.id, submissions: chosen.contains("submissions"), digest: chosen.contains("digest"))
        return Notice.accountSaved.redirect(to: SiteRoute.account.path())
    }

    private func page(_ context: AppRequestContext, _ account: Account, input: FormInput, notice: String?) -> Response {
        let view = SimpleFormView(
            layout: presenter.adminLayout(title: "Your emails", context), heading: "Your emails",
            intro: ["Signed in as \(account.email)."], notice: notice,
            fields: [QuestionView(Self.question, input: input, problem: nil, isPageHeading: false)], errors: [],
            actionHref: SiteRoute.accountSave.path(), csrfToken: presenter.csrfToken(context),
            buttonText: "Save")
        return presenter.response(.simpleForm, view)
    }
}
