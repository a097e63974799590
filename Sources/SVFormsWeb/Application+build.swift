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

    public var description: String {
        switch self {
        case .forms(let problems): problems.description
        case .templates(let problem): problem.description
        case .database(let message): message
        }
    }
}

/// Builds the whole application from its configuration; `svforms serve` and the tests both call this.
public func buildApplication(_ configuration: AppConfiguration, logger: Logger? = nil) async throws -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: "svforms")
    logger.logLevel = configuration.logLevel

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
    if !configuration.servesHTTPS, !configuration.isLoopback {
        logger.warning(
            "listening beyond this machine without an https SVFORMS_BASE_URL: cookies are not marked Secure and no HSTS is sent",
            metadata: ["host": .string(configuration.host)])
    }

    let site = Site(
        catalog: catalog, database: database, renderer: renderer,
        cookies: RespondentCookies(secret: try database.secret(named: "cookies"), secure: configuration.servesHTTPS),
        stylesheet: stylesheet, configuration: configuration)

    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: configuration.servesHTTPS))
    router.add(middleware: ErrorPageMiddleware(site: site))
    PublicController(site: site).addRoutes(to: router)
    FormController(site: site).addRoutes(to: router)

    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        services: [DraftExpiryService(database: database, now: configuration.now, logger: logger)],
        logger: logger)
}
