import Foundation
import Hummingbird
import Logging
import SVFormsBackground
import SVFormsCore
import SVFormsReporting
import SVFormsStore

/// What the server is assembled from at start-up: the forms, the database, templates, cookies and limits.
/// No controller holds it: `makeRouter` hands each one the collaborators below that it needs.
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

    // The collaborators each controller is handed by its initialiser (see `makeRouter`).

    var clock: SiteClock { SiteClock(now: configuration.now, timeZone: partnership.timeZone) }

    var presenter: Presenter {
        Presenter(renderer: renderer, partnership: partnership, stylesheet: stylesheet, antiForgery: antiForgery)
    }

    var clients: ClientAddresses { ClientAddresses(trustedProxies: configuration.trustedProxies) }

    var auditor: Auditor { Auditor(auditLog: database.audit, clients: clients, now: configuration.now) }

    var sessions: SessionStarter { SessionStarter(accountStore: database.accounts, sessionCookies: sessionCookies, now: configuration.now) }

    var downloads: DownloadSender {
        DownloadSender(auditor: auditor, auditLog: database.audit, exportSlots: exportSlots, temporaryDirectory: temporaryDirectory)
    }

    var engagement: RoundEngagementViews { RoundEngagementViews(roundStore: database.rounds, catalog: catalog) }

    var notices: SubmissionNotices { SubmissionNotices(partnership: partnership, mail: mail, logger: logger) }

    var exitURL: String { configuration.exitURL }

    var pages: JourneyPages {
        JourneyPages(
            responseStore: database.responses, presenter: presenter, clock: clock, clients: clients, cookies: cookies, antiForgery: antiForgery,
            shownStamp: shownStamp, submissionLimit: submissionLimit, draftLimit: draftLimit, recentVoices: recentVoices, mailWakeup: mailWakeup,
            notices: notices)
    }
}
