import Foundation
import Testing

@testable import SVFormsMail

@Suite("MailMessage checks")
struct MailMessageTests {
    private func build(
        subject: String = "Hello", messageID: String = "<abc@example.org>", extra: [(String, String)] = [],
        to: [MailAddress]? = nil
    ) throws -> MailMessage {
        try MailMessage(
            from: MailFixtures.sender(), to: to ?? [MailAddress("rep@example.org")], subject: subject,
            text: "t", html: "h", messageID: messageID, date: MailFixtures.date, extraHeaders: extra
        )
    }

    @Test func recipientsAreExactlyTo() throws {
        let to = [try MailAddress("a@example.org"), try MailAddress("b@example.org", name: "B")]
        #expect(try build(to: to).recipients == to)
    }

    @Test func refusesNoRecipients() {
        #expect(throws: MailError.noRecipients) { try build(to: []) }
    }

    @Test(
        "CR, LF and control characters in the subject are refused",
        arguments: [
            "Hello\r\nBcc: x@example.org", "Hello\nBcc: x@example.org", "Hello\r", "Hello\u{0}", "Tab\tbed",
        ])
    func refusesSubjectInjection(_ subject: String) {
        #expect(throws: MailError.headerInjection(field: "Subject")) { try build(subject: subject) }
    }

    @Test func refusesInjectionInExtraHeaderValue() {
        #expect(throws: MailError.headerInjection(field: "Auto-Submitted")) {
            try build(extra: [("Auto-Submitted", "auto-generated\r\nBcc: x@example.org")])
        }
    }

    @Test(
        "invalid or reserved extra header names are refused",
        arguments: [
            "", "Bad Name", "X:Y", "X-Ünïcode", "Bcc", "cc", "TO", "Subject", "Content-Type", "message-id",
            "X-\r\nBcc",
        ])
    func refusesBadHeaderNames(_ name: String) {
        #expect(throws: MailError.invalidHeader(field: name)) { try build(extra: [(name, "value")]) }
    }

    @Test func acceptsOrdinaryExtraHeaders() throws {
        let message = try build(extra: [("Auto-Submitted", "auto-generated"), ("X-SVForms-Round", "2025/26 Q3")])
        #expect(message.extraHeaders.map(\.name) == ["Auto-Submitted", "X-SVForms-Round"])
    }

    @Test(
        "malformed Message-IDs are refused",
        arguments: [
            "abc@example.org", "<abc>", "<@example.org>", "<a@b@example.org>", "<a b@example.org>", "<a@example..org>",
            "<.a@example.org>", "<" + String(repeating: "a", count: 260) + "@example.org>",
        ])
    func refusesMalformedMessageID(_ id: String) {
        #expect(throws: MailError.invalidHeader(field: "Message-ID")) { try build(messageID: id) }
    }

    @Test func refusesLineBreakInMessageID() {
        #expect(throws: MailError.headerInjection(field: "Message-ID")) {
            try build(messageID: "<a@example.org>\r\nBcc: x@example.org")
        }
    }

    @Test func newMessageIDsAreValidUniqueAndRandom() throws {
        let ids = (0..<1000).map { _ in MailMessage.newMessageID(domain: "forms.example.org") }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(20) {
            #expect(id.wholeMatch(of: /<[0-9a-f]{32}@forms\.example\.org>/) != nil, "\(id)")
            _ = try build(messageID: id)
        }
    }
}
