import Foundation
import Logging
import SVFormsBackground
import SVFormsCore
import SVFormsMail
import SVFormsStore

/// Loads and checks everything the server needs (forms, templates, database, mail settings) and
/// assembles the `Site` every controller shares, with the transport mail will leave through.
func makeSite(_ configuration: AppConfiguration, logger: Logger) async throws -> (Site, any MailTransport) {
    let catalog: FormCatalog
    do { catalog = try FormCatalog.load(directory: configuration.formsDirectory) } catch { throw StartupProblem.forms(error) }
    let templates: TemplateLibrary
    let renderer: PageRenderer
    let stylesheet: Stylesheet
    do {
        templates = try await TemplateLibrary(directory: configuration.templatesDirectory)
        renderer = try PageRenderer(templates)
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
    let base = configuration.publicBaseURL
    let composer: MailComposer
    do {
        composer = try MailComposer(
            templates: templates, from: try MailSetup.sender(configuration),
            links: MailLinks(
                invitation: { base + SiteRoute.invitationStart.path($0) }, dashboard: base + SiteRoute.dashboard.path(),
                account: base + SiteRoute.account.path()),
            partnership: catalog.partnership, now: configuration.now)
    } catch let problem as TemplateProblem { throw StartupProblem.templates(problem) }
    let cookieSecret = try database.secret(named: "cookies")
    let site = Site(
        catalog: catalog, database: database, renderer: renderer,
        cookies: RespondentCookies(secure: configuration.servesHTTPS),
        sessionCookies: SessionCookies(secure: configuration.servesHTTPS),
        antiForgery: AntiForgery(secret: cookieSecret),
        passwords: passwords, throttle: AttemptThrottle(attemptStore: database.attempts),
        deviceCookies: DeviceCookies(secret: cookieSecret, secure: configuration.servesHTTPS),
        decoyPasswordHash: Task { try await passwords.hash(RandomToken.generate()) },
        stylesheet: stylesheet, configuration: configuration, mail: composer, mailWakeup: MailWakeup(), logger: logger)
    return (site, transport)
}

/// When no admin can sign in, prints a one-time link (valid for an hour) that creates the first one.
func offerFirstRunSetup(_ site: Site, logger: Logger) async throws {
    guard try await !site.database.accounts.hasActiveAdmin() else { return }
    let token = RandomToken.generate()
    let now = site.configuration.now()
    try await site.database.accounts.createSetupToken(hash: RandomToken.hash(token), expiresAt: now.addingTimeInterval(3600))
    let base = site.configuration.publicBaseURL
    logger.notice(
        "No administrator account exists yet. Within the next hour, open this link to create one (or use `svforms user add EMAIL --role admin`)",
        metadata: ["setup_link": .string(base + SiteRoute.setup.path(token))])
}
