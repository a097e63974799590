import Foundation
import Testing

@testable import SVFormsMail

/// Renders messages and reads them back with Python's `email` package.
@Suite("MailMessage rendering")
struct MailMessageRenderingTests {
    private let zoe = "Zoë Smith"
    private let subject = "Survey closes soon — £5 voucher 🎉 for your views"

    private func international(html: String = "<p>Hi Zoë</p>\n<script>alert(\"x\")</script>\n") throws -> MailMessage {
        try MailMessage(
            from: MailAddress("svforms@partnership.example.org", name: "Surrey SVRP — Partnership"),
            to: [MailAddress("zoe@example.org", name: zoe), MailAddress("sam@example.org", name: "Smith, Sam \"S\"")],
            subject: subject, text: "Hi Zoë,\nthe survey closes on Friday.\n", html: html,
            messageID: "<0123456789abcdef@partnership.example.org>", date: MailFixtures.date,
            extraHeaders: [("Auto-Submitted", "auto-generated"), ("X-SVForms-Note", "Café naïve")]
        )
    }

    @Test func headersAreWellFormedAndDecodeBack() async throws {
        let bytes = try international().rendered()
        let parsed = try await ParsedMail.parse(bytes)
        #expect(parsed.defects.isEmpty, "\(parsed.defects)")
        #expect(parsed.fromName == "Surrey SVRP — Partnership")
        #expect(parsed.fromAddress == "svforms@partnership.example.org")
        #expect(parsed.to == [[zoe, "zoe@example.org"], ["Smith, Sam \"S\"", "sam@example.org"]])
        #expect(parsed.subject == subject)
        #expect(parsed.messageID == "<0123456789abcdef@partnership.example.org>")
        #expect(parsed.date == MailFixtures.date.timeIntervalSince1970)
        #expect(parsed.extra["MIME-Version"] == "1.0")
        #expect(parsed.extra["Auto-Submitted"] == "auto-generated")
        #expect(parsed.extra["X-SVForms-Note"] == "Café naïve")

        let head = parsed.headerLines
        #expect(head.first == "Date: Tue, 04 Nov 2025 09:05:00 +0000")
        #expect(head.contains { $0.hasPrefix("From: =?UTF-8?B?") })
        #expect(head.contains { $0.hasPrefix("Subject: =?UTF-8?B?") })
        #expect(head.allSatisfy { $0.utf8.count <= 78 }, "\(head)")
    }

    @Test func isMultipartAlternativeWithTextAndHTML() async throws {
        let message = try international()
        let parsed = try await ParsedMail.parse(message.rendered())
        #expect(parsed.contentType == "multipart/alternative")
        #expect(parsed.parts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(parsed.parts.allSatisfy { $0.charset == "utf-8" && $0.transferEncoding == "quoted-printable" })
        #expect(parsed.content(of: "text/plain") == message.text)
    }

    @Test func htmlArrivesExactlyAsGiven() async throws {
        // Escaping is the templates' job: the mail module must neither escape nor strip.
        let html = "<p>Hi Zoë &amp; co</p>\n<script>alert(\"x\")</script>\n<a href=\"https://x.example/?a=1&b=2\">go</a>"
        let parsed = try await ParsedMail.parse(try international(html: html).rendered())
        #expect(parsed.content(of: "text/html") == html)
    }

    @Test func boundaryOccursOnlyAsDelimiter() async throws {
        // Content that itself looks like MIME structure must not end a part.
        let html = "--=_svforms_x\n--boundary\n=_ =_svforms_ ==\n"
        let bytes = try international(html: html).rendered()
        let parsed = try await ParsedMail.parse(bytes)
        let boundary = try #require(parsed.boundary)
        #expect(boundary.hasPrefix("=_svforms_"))
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let mentions = lines.filter { $0.contains(boundary) }
        #expect(mentions.count == 4, "\(mentions)")  // the Content-Type parameter and three delimiters
        #expect(parsed.content(of: "text/html") == html)
        #expect(try international().rendered() != bytes, "each rendering picks a new random boundary")
    }

    @Test func linesStayShortAndEndInCRLF() async throws {
        let long = String(repeating: "Zoë’s answer, ", count: 400) + String(repeating: "x", count: 3000)
        let longSubject = String(repeating: "Reminder about the quarterly survey ", count: 8)
        let message = try MailFixtures.message(subject: longSubject, text: long, html: "<p>\(long)</p>")
        let bytes = message.rendered()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "bare CR")
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 }, "\(lines.map(\.utf8.count).max() ?? 0)")
        #expect(bytes.allSatisfy { $0 < 0x80 }, "the rendered message is 7-bit")
        let parsed = try await ParsedMail.parse(bytes)
        #expect(parsed.subject == longSubject)
        #expect(parsed.content(of: "text/plain") == long)
        #expect(parsed.content(of: "text/html") == "<p>\(long)</p>")
    }

    @Test func awkwardLinesSurvive() async throws {
        // Leading dots (SMTP end of data), "From " (mbox), "=" and trailing spaces.
        let text = ".\n..\n.hidden\nFrom the partnership\n  a = b  \ntrailing tab\t\n=?UTF-8?B?eA==?=\n"
        let message = try MailFixtures.message(subject: "=?UTF-8?B?eA==?= not encoded", text: text)
        let bytes = message.rendered()
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(!lines.contains { $0.hasPrefix(".") || $0.hasPrefix("From ") })
        let parsed = try await ParsedMail.parse(bytes)
        #expect(parsed.content(of: "text/plain") == text)
        #expect(parsed.subject == "=?UTF-8?B?eA==?= not encoded")
    }

    @Test func asciiSubjectIsLeftReadable() throws {
        let message = try MailFixtures.message(subject: "Your survey invitation")
        let text = String(decoding: message.rendered(), as: UTF8.self)
        #expect(text.contains("\r\nSubject: Your survey invitation\r\n"))
        #expect(text.contains("\r\nFrom: \"Surrey SVRP\" <svforms@partnership.example.org>\r\n"))
        #expect(text.contains("\r\nTo: rep@example.org\r\n"))
    }

    @Test func emptySubjectAndBodiesRender() async throws {
        let message = try MailFixtures.message(subject: "", text: "", html: "")
        let parsed = try await ParsedMail.parse(message.rendered())
        #expect(parsed.subject == "")
        #expect(parsed.content(of: "text/plain") == "")
        #expect(parsed.content(of: "text/html") == "")
    }
}
