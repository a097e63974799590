import Hummingbird

/// Every route the server answers (`SiteRoute.all`, with who may use each), behind the middleware every
/// response passes through. `Tests/system/routes.tsv` lists the same routes; a test keeps the three equal.
/// HEAD is answered on every GET route, with the GET's status and headers and no body.
func makeRouter(site: Site) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: site.configuration.servesHTTPS))
    router.add(middleware: ErrorPageMiddleware(catalog: site.catalog, presenter: site.presenter))
    router.add(middleware: SameOriginMiddleware(configuration: site.configuration))
    let routes = SiteRouter(
        router, session: SessionMiddleware(accountStore: site.database.accounts, clock: site.clock, sessionCookies: site.sessionCookies),
        formCheck: FormPostCheck(antiForgery: site.antiForgery, cookies: site.cookies))
    PublicController(catalog: site.catalog, presenter: site.presenter, cookies: site.cookies, stylesheet: site.stylesheet, exitURL: site.exitURL)
        .addRoutes(to: routes)
    HealthController(database: site.database, catalog: site.catalog, clock: site.clock).addRoutes(to: routes)
    OpenLinkController(catalog: site.catalog, cookies: site.cookies, pages: site.pages).addRoutes(to: routes)
    InvitationController(
        roundStore: site.database.rounds, catalog: site.catalog, clock: site.clock, clients: site.clients, throttle: site.throttle, pages: site.pages
    ).addRoutes(to: routes)
    let signIn = LoginController(
        accountStore: site.database.accounts, presenter: site.presenter, clock: site.clock, auditor: site.auditor, clients: site.clients,
        cookies: site.cookies, sessionCookies: site.sessionCookies, deviceCookies: site.deviceCookies, antiForgery: site.antiForgery,
        throttle: site.throttle, passwords: site.passwords, decoyPasswordHash: site.decoyPasswordHash, sessions: site.sessions)
    signIn.addRoutes(to: routes)
    SetupController(
        accountStore: site.database.accounts, presenter: site.presenter, clock: site.clock, auditor: site.auditor, cookies: site.cookies,
        antiForgery: site.antiForgery, passwords: site.passwords, sessions: site.sessions
    ).addRoutes(to: routes)
    let reports = ReportsController(
        frameworkStore: site.database.framework, catalog: site.catalog, presenter: site.presenter, clock: site.clock, auditor: site.auditor,
        reporter: site.reporter, downloads: site.downloads)
    reports.addPublicRoutes(to: routes)
    signIn.addSignedInRoutes(to: routes)
    DashboardController(
        responseStore: site.database.responses, roundStore: site.database.rounds, outboxStore: site.database.outbox,
        reportingQueries: site.database.reporting, catalog: site.catalog, presenter: site.presenter, reporter: site.reporter,
        engagement: site.engagement
    ).addRoutes(to: routes)
    AuditController(auditLog: site.database.audit, catalog: site.catalog, presenter: site.presenter).addRoutes(to: routes)
    DownloadsController(catalog: site.catalog, reporter: site.reporter, downloads: site.downloads).addRoutes(to: routes)
    RoundsController(
        roundStore: site.database.rounds, catalog: site.catalog, presenter: site.presenter, clock: site.clock, auditor: site.auditor,
        engagement: site.engagement, mail: site.mail, mailWakeup: site.mailWakeup, downloads: site.downloads, logger: site.logger
    ).addRoutes(to: routes)
    MailController(
        outboxStore: site.database.outbox, catalog: site.catalog, presenter: site.presenter, clock: site.clock, auditor: site.auditor,
        mailWakeup: site.mailWakeup
    ).addRoutes(to: routes)
    AccountController(accountStore: site.database.accounts, presenter: site.presenter, clock: site.clock).addRoutes(to: routes)
    VoicesController(
        voiceStore: site.database.voices, reportingQueries: site.database.reporting, catalog: site.catalog, presenter: site.presenter,
        clock: site.clock, clients: site.clients, reporter: site.reporter
    ).addRoutes(to: routes)
    LinkResponsesController(
        responseStore: site.database.responses, catalog: site.catalog, presenter: site.presenter, clock: site.clock, clients: site.clients
    )
    .addRoutes(to: routes)
    RetentionController(voiceStore: site.database.voices, catalog: site.catalog, presenter: site.presenter, clock: site.clock).addRoutes(to: routes)
    MeetingsController(
        frameworkStore: site.database.framework, catalog: site.catalog, presenter: site.presenter, clock: site.clock, auditor: site.auditor
    ).addRoutes(
        to: routes)
    FiguresController(
        frameworkStore: site.database.framework, catalog: site.catalog, presenter: site.presenter, clock: site.clock, auditor: site.auditor
    ).addRoutes(
        to: routes)
    reports.addRoutes(to: routes)
    return router
}
