import Foundation
import Logging
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
        let settings = SMTPSettings(
            url: url, username: configuration.smtpUsername, password: configuration.smtpPassword,
            caInfoPath: configuration.smtpCAFile)
        do {
            return try SMTPTransport(settings: settings)
        } catch {
            throw .configuration("the SMTP settings are not usable: \(error)")
        }
    }

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
