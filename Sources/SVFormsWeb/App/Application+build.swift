import Foundation
import Hummingbird
import Logging
import SVFormsBackground
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
    let started = ContinuousClock.now
    var logger = logger ?? Logger(label: "svforms")
    logger.logLevel = configuration.logLevel
    if !configuration.servesHTTPS, !configuration.isLoopback, !configuration.allowInsecureHTTP {
        throw StartupProblem.configuration(
            """
            listening on \(configuration.host) without an https SVFORMS_BASE_URL would send sign-in cookies \
            without the Secure flag. Set SVFORMS_BASE_URL=https://your.address (behind a TLS proxy), listen on \
            127.0.0.1, or for a closed test network only, SVFORMS_ALLOW_INSECURE_HTTP=1.
            """)
    }

    let (site, transport) = try await makeSite(configuration, logger: logger)
    try await offerFirstRunSetup(site, logger: logger)

    let router = makeRouter(site: site)

    return Application(
        router: router,
        // A connection that sends no request (or only part of its headers) for 30 s is closed, so idle
        // and slow clients cannot hold connections for ever.
        server: .http1(configuration: .init(idleTimeout: .seconds(30))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        // The group stops services in reverse order: the server first, the database last.
        services: [
            DatabaseCloser(database: site.database, logger: logger),
            HousekeepingService(
                database: site.database, questionnaires: site.catalog.questionnaires, timeZone: site.partnership.timeZone,
                attemptWindow: AttemptThrottle.longestWindow, now: configuration.now, logger: logger,
                temporaryDirectory: site.temporaryDirectory),
            MailDeliveryService(
                database: site.database, transport: transport, wakeup: site.mailWakeup, now: configuration.now, logger: logger,
                retryBase: configuration.mailRetryBaseSeconds),
            ScheduledMailService(site: site),
        ],
        onServerRunning: { [logger] channel in
            logger.info(
                "svforms is listening",
                metadata: [
                    "address": .string(channel.localAddress?.description ?? "unknown"),
                    "startup_ms": .string(String(format: "%.0f", (ContinuousClock.now - started).milliseconds)),
                ])
        },
        logger: logger)
}
