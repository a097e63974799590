import Foundation

@testable import SVFormsMail

/// Messages used across the tests.
enum MailFixtures {
    /// A fixed instant: Tuesday 4 November 2025, 09:05:00 UTC.
    static let date = Date(timeIntervalSince1970: 1_762_247_100)

    static func sender() throws -> MailAddress {
        try MailAddress("svforms@partnership.example.org", name: "Surrey SVRP")
    }

    /// A message to `recipients` (default one) with plain ASCII content.
    static func message(
        to recipients: [String] = ["rep@example.org"], subject: String = "Your survey invitation",
        text: String = "Hello,\nplease answer the survey.\n", html: String = "<p>Hello,</p>\n<p>please answer the survey.</p>\n"
    ) throws -> MailMessage {
        try MailMessage(
            from: sender(), to: recipients.map { try MailAddress($0) }, subject: subject, text: text, html: html,
            messageID: MailMessage.newMessageID(domain: "partnership.example.org"), date: date
        )
    }
}
