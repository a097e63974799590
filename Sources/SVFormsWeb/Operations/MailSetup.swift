import Foundation
import Logging
import NIOPosix
import SVFormsMail

/// Chooses how mail leaves, from the configuration: SMTP through libcurl when `SVFORMS_SMTP_URL` is
/// set, otherwise .eml files in the data directory so a newcomer sees exactly what would be sent.
enum MailSetup {
    static func transport(_ configuration: AppConfiguration, logger: Logger) throws(StartupProblem) -> any MailTransport {
        guard let url = configuration.smtpURL else {
            let directory = (configuration.dataDirectory as NSString).appendingPathComponent("mail")
            logger.notice("no SVFORMS_SMTP_URL: emails are written as .eml files", metadata: ["directory": .string(directory)])
            return FileDropTransport(directory: directory, logger: logger)
        }
        guard configuration.baseURL != nil else {
            throw .configuration(
                """
                SVFORMS_SMTP_URL is set but SVFORMS_BASE_URL is not: emails would carry links to \
                \(configuration.publicBaseURL), which people cannot open. Set SVFORMS_BASE_URL to the address people use.
                """)
        }
        let settings = SMTPSettings(
            url: url, username: configuration.smtpUsername, password: configuration.smtpPassword,
            caInfoPath: configuration.smtpCAFile)
        do {
            return try SMTPTransport(settings: settings, threadPool: threadPool)
        } catch {
            throw .configuration("the SMTP settings are not usable: \(error)")
        }
    }

    /// Threads of their own for libcurl's blocking transfers, so a slow mail server cannot hold up
    /// the file I/O and password hashing that share `NIOThreadPool.singleton`. Four threads also
    /// cap how many messages are sent at once. One pool for the process, started on first use.
    private static let threadPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 4)
        pool.start()
        return pool
    }()

    /// The From address: required with SMTP, a placeholder for .eml files.
    static func sender(_ configuration: AppConfiguration) throws(StartupProblem) -> MailAddress {
        guard let from = configuration.mailFrom else {
            if configuration.smtpURL != nil {
                throw .configuration("SVFORMS_SMTP_URL is set but SVFORMS_MAIL_FROM is not: set the address emails come from")
            }
            return try! MailAddress("svforms@localhost.invalid")  // a fixed, valid address
        }
        do {
            return try MailAddress(from)
        } catch {
            throw .configuration("SVFORMS_MAIL_FROM \"\(from)\" is not an email address")
        }
    }
}
