import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SVFormsStore
import SVFormsWeb

/// `svforms serve`: runs the web server until stopped.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the web server.",
        discussion: """
            Every option can also be set with an environment variable, e.g. SVFORMS_PORT=9000. Mail settings are \
            environment variables only (they hold secrets): SVFORMS_SMTP_URL, SVFORMS_SMTP_USER, SVFORMS_SMTP_PASSWORD, \
            SVFORMS_SMTP_CA_FILE, SVFORMS_MAIL_FROM, SVFORMS_MAIL_RETRY_SECONDS.
            """)

    @Option(help: "Address to listen on (SVFORMS_HOST).") var host: String?
    @Option(help: "Port to listen on (SVFORMS_PORT).") var port: Int?
    @Option(help: "Data directory holding the database (SVFORMS_DATA).") var data: String?
    @Option(help: "Folder of questionnaire files (SVFORMS_FORMS).") var forms: String?
    @Option(help: "Folder of page templates (SVFORMS_TEMPLATES).") var templates: String?
    @Option(name: .customLong("base-url"), help: "Public address, e.g. https://forms.example.org (SVFORMS_BASE_URL).")
    var baseURL: String?
    @Option(name: .customLong("exit-url"), help: "Where 'Exit this page' goes (SVFORMS_EXIT_URL).") var exitURL: String?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error (SVFORMS_LOG_LEVEL).")
    var logLevel: String?
    @Option(name: .customLong("log-format"), help: "text, or json for log collectors: one object per line (SVFORMS_LOG_FORMAT).")
    var logFormat: String?
    @Option(
        name: .customLong("trusted-proxies"),
        help: "Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed (SVFORMS_TRUSTED_PROXIES).")
    var trustedProxies: String?
    @Flag(
        name: .customLong("allow-insecure-http"),
        help: "Serve plain HTTP beyond this machine; closed test networks only (SVFORMS_ALLOW_INSECURE_HTTP=1).")
    var allowInsecureHTTP = false

    func run() async throws {
        switch Settings.value(logFormat, "SVFORMS_LOG_FORMAT") ?? "text" {
        case "text": break
        case "json": LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
        case let other: throw ValidationError("unknown log format \"\(other)\" (text or json)")
        }
        var configuration = AppConfiguration()
        configuration.host = Settings.value(host, "SVFORMS_HOST") ?? configuration.host
        configuration.port = try Settings.int(port, "SVFORMS_PORT") ?? configuration.port
        configuration.dataDirectory = Settings.value(data, "SVFORMS_DATA") ?? configuration.dataDirectory
        configuration.formsDirectory = Settings.value(forms, "SVFORMS_FORMS") ?? configuration.formsDirectory
        configuration.templatesDirectory = Settings.value(templates, "SVFORMS_TEMPLATES") ?? configuration.templatesDirectory
        configuration.baseURL = Settings.value(baseURL, "SVFORMS_BASE_URL")
        configuration.exitURL = Settings.value(exitURL, "SVFORMS_EXIT_URL") ?? configuration.exitURL
        if let proxies = Settings.value(trustedProxies, "SVFORMS_TRUSTED_PROXIES") {
            configuration.trustedProxies = Set(proxies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        configuration.allowInsecureHTTP = allowInsecureHTTP || Settings.value(nil, "SVFORMS_ALLOW_INSECURE_HTTP") == "1"
        configuration.smtpURL = Settings.value(nil, "SVFORMS_SMTP_URL")
        configuration.smtpUsername = Settings.value(nil, "SVFORMS_SMTP_USER")
        configuration.smtpPassword = Settings.value(nil, "SVFORMS_SMTP_PASSWORD")
        configuration.smtpCAFile = Settings.value(nil, "SVFORMS_SMTP_CA_FILE")
        configuration.mailFrom = Settings.value(nil, "SVFORMS_MAIL_FROM")
        if let seconds = Settings.value(nil, "SVFORMS_MAIL_RETRY_SECONDS") {
            guard let value = TimeInterval(seconds), value > 0 else { throw ValidationError("SVFORMS_MAIL_RETRY_SECONDS must be a positive number") }
            configuration.mailRetryBaseSeconds = value
        }
        if let level = Settings.value(logLevel, "SVFORMS_LOG_LEVEL") {
            guard let parsed = Logger.Level(rawValue: level) else { throw ValidationError("unknown log level \"\(level)\"") }
            configuration.logLevel = parsed
        }
        do {
            // Held until the process ends: no second server, and no restore, while this one runs.
            let lock = try DataDirectoryLock(directory: configuration.dataDirectory)
            let app = try await buildApplication(configuration)
            try await app.runService()
            withExtendedLifetime(lock) {}
        } catch let held as DataDirectoryLock.Held {
            Settings.printError("svforms cannot start: \(held).")
            throw ExitCode(1)
        } catch let problem as StartupProblem {
            Settings.printError("svforms cannot start:\n\(problem)")
            throw ExitCode(1)
        }
    }
}

/// Command-line values fall back to `SVFORMS_*` environment variables.
enum Settings {
    static func value(_ flag: String?, _ variable: String) -> String? {
        flag ?? ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func int(_ flag: Int?, _ variable: String) throws -> Int? {
        if let flag { return flag }
        guard let text = value(nil, variable) else { return nil }
        guard let number = Int(text) else { throw ValidationError("\(variable) must be a number, not \"\(text)\"") }
        return number
    }

    /// Who the audit log says ran a command: the command line, and the operating-system user.
    static var commandLineActor: String {
        "command line (\(ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.userName))"
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
