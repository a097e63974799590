import Hummingbird

/// Every route the server answers, behind the middleware every response passes through.
/// `Tests/system/routes.tsv` lists the same routes with who may use each; a test keeps the two equal.
/// HEAD is answered on every GET route, with the GET's status and headers and no body.
func makeRouter(site: Site) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: site.configuration.servesHTTPS))
    router.add(middleware: ErrorPageMiddleware(site: site))
    router.add(middleware: SameOriginMiddleware(configuration: site.configuration))
    PublicController(site: site).addRoutes(to: router)
    HealthController(site: site).addRoutes(to: router)
    OpenLinkController(site: site).addRoutes(to: router)
    InvitationController(site: site).addRoutes(to: router)
    LoginController(site: site).addRoutes(to: router)
    SetupController(site: site).addRoutes(to: router)
    ReportsController(site: site).addPublicRoutes(to: router)
    let signedIn = router.group("admin").add(middleware: SessionMiddleware(site: site))
    LoginController(site: site).addSignedInRoutes(to: signedIn)
    DashboardController(site: site).addRoutes(to: signedIn)
    AuditController(site: site).addRoutes(to: signedIn)
    DownloadsController(site: site).addRoutes(to: signedIn)
    RoundsController(site: site).addRoutes(to: signedIn)
    MailController(site: site).addRoutes(to: signedIn)
    AccountController(site: site).addRoutes(to: signedIn)
    VoicesController(site: site).addRoutes(to: signedIn)
    LinkResponsesController(site: site).addRoutes(to: signedIn)
    RetentionController(site: site).addRoutes(to: signedIn)
    MeetingsController(site: site).addRoutes(to: signedIn)
    FiguresController(site: site).addRoutes(to: signedIn)
    ReportsController(site: site).addRoutes(to: signedIn)
    return router
}
