import Foundation
import Hummingbird
import Logging
import SVFormsBackground
import SVFormsCore
import SVFormsReporting
import SVFormsStore

/// What every controller and middleware shares: the forms, the database, templates and cookies.
struct Site: Sendable {
    let catalog: FormCatalog
    let database: AppDatabase
    let renderer: PageRenderer
    let cookies: RespondentCookies
    let sessionCookies: SessionCookies
    let antiForgery: AntiForgery
    let passwords: PasswordHasher
    /// Sign-in and personal-link guessing limits, counted in the database.
    let throttle: AttemptThrottle
    let deviceCookies: DeviceCookies
    /// Public submissions: 20 at once from one client address, then one every 6 seconds.
    let submissionLimit = ClientRateLimit(burst: 20, refillSeconds: 6)
    /// New answers in progress by open link (a class of 30 starting together), then one every 3 seconds.
    let draftLimit = ClientRateLimit(burst: 30, refillSeconds: 3)
    /// The same words from the same client within 10 minutes, flagged as a possible duplicate voice.
    let recentVoices = RecentVoices()
    /// At most two Excel files are built at once.
    let exportSlots = ExportSlots(limit: 2)
    /// A hash of a random password, checked when no account matches so that an unknown
    /// email address takes as long to refuse as a wrong password.
    let decoyPasswordHash: Task<String, any Error>
    let stylesheet: Stylesheet
    let configuration: AppConfiguration
    let mail: MailComposer
    let mailWakeup: MailWakeup
    let logger: Logger

    var partnership: Partnership { catalog.partnership }

    var shownStamp: ShownStamp { ShownStamp(secret: antiForgery.secret) }

    var reporter: ResultsReporter { ResultsReporter(catalog: catalog, database: database, now: configuration.now) }

    /// Where downloads are built before they are sent (inside the data directory, on the same disk).
    var temporaryDirectory: String { (configuration.dataDirectory as NSString).appendingPathComponent("tmp") }

    /// The layout for a page; `pageTitle` gets the "Error: " prefix when the page shows errors.
    func layout(
        title: String, questionnaire: Questionnaire? = nil, hasErrors: Bool = false, isPublic: Bool = false, formHref: String? = nil
    ) -> LayoutView {
        let parts = [title, questionnaire?.title, partnership.displayName].compactMap { $0 }
        let showsSafeguarding = isPublic || questionnaire?.audience == .public
        return LayoutView(
            pageTitle: (hasErrors ? "Error: " : "") + parts.joined(separator: " – "),
            serviceName: partnership.displayName, stylesheetPath: stylesheet.path,
            isPublicForm: showsSafeguarding,
            contacts: showsSafeguarding ? partnership.safeguardingContacts.map(ContactView.init) : [],
            formTitle: questionnaire?.title, formHref: formHref ?? questionnaire.map { SiteRoute.formStart.path($0.id) })
    }

    /// The layout of signed-in pages.
    func adminLayout(title: String, _ context: AppRequestContext, hasErrors: Bool = false) -> LayoutView {
        var layout = layout(title: title, hasErrors: hasErrors)
        if let account = context.account, let token = context.sessionToken {
            layout.signedIn = SignedInView(email: account.email, role: account.role, csrfToken: antiForgery.token(for: token))
        }
        return layout
    }

    /// The layout of a journey page: the header links to the journey's own start page.
    func layout(title: String, scope: JourneyScope, hasErrors: Bool = false) -> LayoutView {
        layout(title: title, questionnaire: scope.questionnaire, hasErrors: hasErrors, formHref: scope.basePath)
    }

    func validationContext() -> ValidationContext {
        ValidationContext(today: CalendarDay.today(in: partnership.timeZone, now: configuration.now()))
    }
}
