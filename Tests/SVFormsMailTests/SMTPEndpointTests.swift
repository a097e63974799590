import Testing

@testable import SVFormsMail

@Suite("SMTP settings and the TLS rule")
struct SMTPEndpointTests {
    @Test(
        "which URLs need TLS",
        arguments: [
            ("smtp://mail.example.org:587", SMTPEndpoint.Security.startTLSRequired),
            ("smtp://mail.example.org", .startTLSRequired),
            ("SMTP://Mail.Example.org:25", .startTLSRequired),
            ("smtp://10.0.0.5:25", .startTLSRequired),
            ("smtp://127.evil.example:25", .startTLSRequired),
            ("smtp://localhost.example.org:25", .startTLSRequired),
            ("smtp://[::2]:25", .startTLSRequired),
            ("smtp://127.0.0.1:2525", .plainOnLoopback),
            ("smtp://127.1.2.3:25", .plainOnLoopback),
            ("smtp://localhost:1025", .plainOnLoopback),
            ("smtp://LOCALHOST", .plainOnLoopback),
            ("smtp://[::1]:2525", .plainOnLoopback),
            ("smtps://mail.example.org:465", .implicitTLS),
            ("smtps://127.0.0.1:465", .implicitTLS),
        ])
    func securityFollowsFromURL(_ url: String, _ expected: SMTPEndpoint.Security) throws {
        #expect(try SMTPEndpoint(url: url).security == expected)
    }

    @Test(
        "unusable URLs are refused",
        arguments: [
            "", "mail.example.org", "http://mail.example.org", "file:///etc/passwd", "imap://mail.example.org",
            "smtp://user:secret@mail.example.org:587", "smtp://user@mail.example.org", "smtp://", "smtp://:587",
            "smtp://mail.example.org:587?x=1", "smtp://mail.example.org:587#f", "smtp://mail.example.org:99999",
            "smtp://mail.example.org:587\r\nRCPT TO:<x@example.org>", "smtp://mail example.org",
            "smtp://%31%32%37.0.0.1:25",
        ])
    func refusesBadURLs(_ url: String) {
        #expect(throws: MailError.self) { try SMTPTransport(settings: SMTPSettings(url: url)) }
    }

    @Test func refusesNonPositiveTimeoutsAndBrokenCredentials() {
        #expect(throws: MailError.self) {
            try SMTPTransport(settings: SMTPSettings(url: "smtp://localhost", connectTimeout: .zero))
        }
        #expect(throws: MailError.self) {
            try SMTPTransport(settings: SMTPSettings(url: "smtp://localhost", timeout: .seconds(-1)))
        }
        #expect(throws: MailError.self) {
            try SMTPTransport(settings: SMTPSettings(url: "smtp://localhost", password: "a\r\nb"))
        }
    }

    @Test func defaultsAndDescriptionWithoutPassword() throws {
        let settings = SMTPSettings(url: "smtp://mail.example.org:587", username: "svforms", password: "hunter2-secret")
        #expect(settings.connectTimeout == .seconds(10))
        #expect(settings.timeout == .seconds(60))
        #expect(!settings.description.contains("hunter2"))
        #expect(!"\(settings)".contains("hunter2"))
        #expect(try SMTPTransport(settings: settings).requiresTLS)
    }

    @Test(
        "timeouts in whole milliseconds, never rounded to 0",
        arguments: [
            (Duration.seconds(10), 10_000), (.milliseconds(1500), 1500), (.microseconds(1), 1), (.nanoseconds(1_000_001), 2),
        ])
    func milliseconds(_ duration: Duration, _ expected: Int) {
        #expect(duration.roundedUpMilliseconds == expected)
    }
}
