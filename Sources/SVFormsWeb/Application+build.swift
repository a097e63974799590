import Foundation
import Hummingbird
import Logging
import SVFormsCore
import SVFormsStore

/// Everything that can stop the server from starting, each with a clear message.
public enum StartupProblem: Error, CustomStringConvertible {
    case forms(LoadProblems)
    case templates(TemplateProblem)
    case database(String)
    case configuration(String)

    public var description: String {
        switch self {
        case .forms(let problems): problems.description
        case .templates(let problem): problem.description
        case .database(let message), .configuration(let message): message
        }
    }
}

/// Builds the whole application from its configuration; `svforms serve` and the tests both call this.
public func buildApplication(_ configuration: AppConfiguration, logger: Logger? = nil) async throws -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: "svforms")
    logger.logLevel = configuration.logLevel
    if !configuration.servesHTTPS, !configuration.isLoopback, !configuration.allowInsecureHTTP {
        throw StartupProblem.configuration("""
            listening on \(configuration.host) without an https SVFORMS_BASE_URL would send sign-in cookies \
            without the Secure flag. Set SVFORMS_BASE_URL=https://your.address (behind a TLS proxy), listen on \
            127.0.0.1, or for a closed test network only, SVFORMS_ALLOW_INSECURE_HTTP=1.
            """)
    }

    let catalog: FormCatalog
    do { catalog = try FormCatalog.load(directory: configuration.formsDirectory) } catch { throw StartupProblem.forms(error) }
    let renderer: PageRenderer
    let stylesheet: Stylesheet
    do {
        renderer = try await PageRenderer(directory: configuration.templatesDirectory)
        stylesheet = try Stylesheet(templatesDirectory: configuration.templatesDirectory)
    } catch { throw StartupProblem.templates(error) }
    let database: AppDatabase
    do { database = try AppDatabase(directory: configuration.dataDirectory) } catch {
        throw StartupProblem.database("cannot open the database in \(configuration.dataDirectory): \(error)")
    }
    let durability = try database.durabilitySettings()
    logger.info(
        "database ready",
        metadata: ["journal_mode": .string(durability.journalMode), "synchronous": .stringConvertible(durability.synchronous)])
    if !configuration.servesHTTPS {
        logger.notice(
            "no https SVFORMS_BASE_URL: cookies are not marked Secure and no HSTS is sent (fine for development on this machine)",
            metadata: ["host": .string(configuration.host)])
    }

    let passwords = PasswordHasher(cost: configuration.passwordCost)
    let transport = try MailSetup.transport(configuration, logger: logger)
    let composer = MailComposer(
        renderer: renderer, from: try MailSetup.sender(configuration), baseURL: configuration.publicBaseURL,
        partnership: catalog.partnership, now: configuration.now)
    let site = Site(
        catalog: catalog, database: database, renderer: renderer,
        cookies: RespondentCookies(secure: configuration.servesHTTPS),
        sessionCookies: SessionCookies(secure: configuration.servesHTTPS),
        antiForgery: AntiForgery(secret: try database.secret(named: "cookies")),
        passwords: passwords, loginThrottle: AttemptThrottle(),
        decoyPasswordHash: Task { try await passwords.hash(RandomToken.generate()) },
        stylesheet: stylesheet, configuration: configuration, mail: composer, mailWakeup: MailWakeup(), logger: logger)
    try await offerFirstRunSetup(site, logger: logger)

    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: configuration.servesHTTPS))
    router.add(middleware: ErrorPageMiddleware(site: site))
    PublicController(site: site).addRoutes(to: router)
    OpenLinkController(site: site).addRoutes(to: router)
    InvitationController(site: site).addRoutes(to: router)
    LoginController(site: site).addRoutes(to: router)
    SetupController(site: site).addRoutes(to: router)
    let signedIn = router.group("admin").add(middleware: SessionMiddleware(site: site))
    LoginController(site: site).addSignedInRoutes(to: signedIn)
    DashboardController(site: site).addRoutes(to: signedIn)
    AuditController(site: site).addRoutes(to: signedIn)
    DownloadsController(site: site).addRoutes(to: signedIn)
    RoundsController(site: site).addRoutes(to: signedIn)
    MailController(site: site).addRoutes(to: signedIn)
    AccountController(site: site).addRoutes(to: signedIn)

    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        services: [
            HousekeepingService(database: database, now: configuration.now, logger: logger, temporaryDirectory: site.temporaryDirectory),
            MailDeliveryService(
                database: database, transport: transport, wakeup: site.mailWakeup, now: configuration.now, logger: logger,
                retryBase: configuration.mailRetryBaseSeconds),
            ScheduledMailService(site: site),
        ],
        logger: logger)
}

/// When no admin can sign in, prints a one-time link (valid for an hour) that creates the first one.
private func offerFirstRunSetup(_ site: Site, logger: Logger) async throws {
    guard try await !site.database.hasActiveAdmin() else { return }
    let token = RandomToken.generate()
    let now = site.configuration.now()
    try await site.database.createSetupToken(hash: RandomToken.hash(token), expiresAt: now.addingTimeInterval(3600))
    let base = site.configuration.publicBaseURL
    logger.notice(
        "No administrator account exists yet. Within the next hour, open this link to create one (or use `svforms user add EMAIL --role admin`)",
        metadata: ["setup_link": .string(base + AdminPaths.setup(token))])
}
