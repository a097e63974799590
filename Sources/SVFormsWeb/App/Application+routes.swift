import Hummingbird

/// Every route the server answers (`SiteRoute.all`, with who may use each), behind the middleware every
/// response passes through. `Tests/system/routes.tsv` lists the same routes; a test keeps the three equal.
/// HEAD is answered on every GET route, with the GET's status and headers and no body.
func makeRouter(site: Site) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: site.configuration.servesHTTPS))
    router.add(middleware: ErrorPageMiddleware(site: site))
    router.add(middleware: SameOriginMiddleware(configuration: site.configuration))
    let routes = SiteRouter(
        router, session: SessionMiddleware(site: site), formCheck: FormPostCheck(antiForgery: site.antiForgery, cookies: site.cookies))
    PublicController(site: site).addRoutes(to: routes)
    HealthController(site: site).addRoutes(to: routes)
    OpenLinkController(site: site).addRoutes(to: routes)
    InvitationController(site: site).addRoutes(to: routes)
    LoginController(site: site).addRoutes(to: routes)
    SetupController(site: site).addRoutes(to: routes)
    ReportsController(site: site).addPublicRoutes(to: routes)
    LoginController(site: site).addSignedInRoutes(to: routes)
    DashboardController(site: site).addRoutes(to: routes)
    AuditController(site: site).addRoutes(to: routes)
    DownloadsController(site: site).addRoutes(to: routes)
    RoundsController(site: site).addRoutes(to: routes)
    MailController(site: site).addRoutes(to: routes)
    AccountController(site: site).addRoutes(to: routes)
    VoicesController(site: site).addRoutes(to: routes)
    LinkResponsesController(site: site).addRoutes(to: routes)
    RetentionController(site: site).addRoutes(to: routes)
    MeetingsController(site: site).addRoutes(to: routes)
    FiguresController(site: site).addRoutes(to: routes)
    ReportsController(site: site).addRoutes(to: routes)
    return router
}
