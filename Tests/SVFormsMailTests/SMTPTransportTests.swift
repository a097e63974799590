import Foundation
import Testing

@testable import SVFormsMail

/// SMTPTransport against a real SMTP server (aiosmtpd) on 127.0.0.1.
@Suite("SMTPTransport")
struct SMTPTransportTests {
    private func transport(_ url: String, username: String? = nil, password: String? = nil) throws -> SMTPTransport {
        try SMTPTransport(
            settings: SMTPSettings(
                url: url, username: username, password: password, connectTimeout: .seconds(5), timeout: .seconds(20)
            ))
    }

    @Test func deliversTheExactBytesToExactlyTheRecipients() async throws {
        let sink = try await SMTPSink()
        defer { sink.stop() }
        let message = try MailMessage(
            from: MailAddress("svforms@partnership.example.org", name: "Surrey SVRP"),
            to: [MailAddress("zoe@example.org", name: "Zoë Smith"), MailAddress("sam@example.org")],
            subject: "£5 voucher 🎉", text: "Hello\n.\n..\n.dot\n", html: "<p>Hello</p>\n<script>x()</script>",
            messageID: MailMessage.newMessageID(domain: "partnership.example.org"), date: MailFixtures.date
        )
        let receipt = try await transport(sink.url).send(message)
        #expect(receipt.description.hasPrefix("250 2.0.0 OK queued as "), "\(receipt)")

        let received = try sink.received()
        try #require(received.count == 1)
        #expect(received[0].mailFrom == "svforms@partnership.example.org")
        #expect(received[0].recipients == ["zoe@example.org", "sam@example.org"])
        let parsed = try await ParsedMail.parse(received[0].bytes)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.subject == "£5 voucher 🎉")
        #expect(parsed.messageID == message.messageID)
        #expect(parsed.to == [["Zoë Smith", "zoe@example.org"], ["", "sam@example.org"]])
        #expect(parsed.content(of: "text/plain") == message.text)
        #expect(parsed.content(of: "text/html") == message.html)
        // Byte-for-byte what was rendered, apart from the random boundary.
        let boundary = try #require(parsed.boundary)
        #expect(received[0].bytes == message.rendered(boundary: boundary))
    }

    @Test func rejectedRecipientIsPermanentAndSaysWhy() async throws {
        let sink = try await SMTPSink(["--reject", "gone@example.org"])
        defer { sink.stop() }
        let message = try MailFixtures.message(to: ["gone@example.org"])
        let error = await #expect(throws: DeliveryFailure.self) { try await transport(sink.url).send(message) }
        #expect(error?.isTransient == false)
        #expect(error?.message.contains("550 5.1.1 no such user") == true, "\(String(describing: error))")
        #expect(try sink.received().isEmpty)
    }

    @Test func oneRejectedRecipientStopsTheWholeMessage() async throws {
        // All or nothing: a message never reaches only some of its recipients.
        let sink = try await SMTPSink(["--reject", "gone@example.org"])
        defer { sink.stop() }
        let message = try MailFixtures.message(to: ["rep@example.org", "gone@example.org"])
        let error = await #expect(throws: DeliveryFailure.self) { try await transport(sink.url).send(message) }
        #expect(error?.isTransient == false)
        #expect(try sink.received().isEmpty)
    }

    @Test func deferredRecipientIsTransient() async throws {
        let sink = try await SMTPSink(["--defer", "busy@example.org"])
        defer { sink.stop() }
        let error = await #expect(throws: DeliveryFailure.self) {
            try await transport(sink.url).send(MailFixtures.message(to: ["busy@example.org"]))
        }
        #expect(error?.isTransient == true)
        #expect(error?.message.contains("451") == true, "\(String(describing: error))")
    }

    @Test func deferredDataIsTransient() async throws {
        let sink = try await SMTPSink(["--defer-data"])
        defer { sink.stop() }
        let error = await #expect(throws: DeliveryFailure.self) {
            try await transport(sink.url).send(MailFixtures.message())
        }
        #expect(error?.isTransient == true)
        #expect(error?.message.contains("451 4.3.0") == true, "\(String(describing: error))")
    }

    @Test func refusedMessageDataIsPermanent() async throws {
        let sink = try await SMTPSink(["--refuse-data"])
        defer { sink.stop() }
        let error = await #expect(throws: DeliveryFailure.self) {
            try await transport(sink.url).send(MailFixtures.message())
        }
        #expect(error?.isTransient == false)
        #expect(error?.message.contains("554 5.6.0") == true, "\(String(describing: error))")
    }

    @Test func connectionRefusedIsTransient() async throws {
        let socket = try LoopbackSocket.refusing()
        defer { socket.close() }
        let error = await #expect(throws: DeliveryFailure.self) {
            try await transport("smtp://127.0.0.1:\(socket.port)").send(MailFixtures.message())
        }
        #expect(error?.isTransient == true)
        // curl error 7 is "could not connect": the refusal itself, not a timeout (that would be 28).
        #expect(error?.message.contains("curl error 7") == true, "\(String(describing: error))")
    }

    @Test func silentServerTimesOutTransiently() async throws {
        let socket = try LoopbackSocket.silent()
        defer { socket.close() }
        let settings = SMTPSettings(url: "smtp://127.0.0.1:\(socket.port)", connectTimeout: .seconds(1), timeout: .seconds(1))
        let started = ContinuousClock.now
        let error = await #expect(throws: DeliveryFailure.self) {
            try await SMTPTransport(settings: settings).send(MailFixtures.message())
        }
        #expect(error?.isTransient == true)
        #expect(error?.message.contains("curl error 28") == true, "\(String(describing: error))")
        // The 1-second timeout was applied: curl's default would wait a minute. Generous, for a loaded machine.
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test func logsInWithUsernameAndPassword() async throws {
        let sink = try await SMTPSink(["--auth", "svforms:correct horse"])
        defer { sink.stop() }
        _ = try await transport(sink.url, username: "svforms", password: "correct horse").send(MailFixtures.message())
        #expect(try sink.received().count == 1)
    }

    @Test func wrongPasswordWaitsForTheSettingsAndIsNeverQuoted() async throws {
        let sink = try await SMTPSink(["--auth", "svforms:correct horse"])
        defer { sink.stop() }
        let error = await #expect(throws: DeliveryFailure.self) {
            try await transport(sink.url, username: "svforms", password: "s3cret-Wr0ng").send(MailFixtures.message())
        }
        #expect(error?.isTransient == true)
        #expect(error?.message.hasPrefix("SMTP settings problem") == true, "\(String(describing: error))")
        #expect(error?.message.contains("535") == true, "\(String(describing: error))")
        #expect(error?.message.contains("s3cret") == false)
        #expect(try sink.received().isEmpty)
    }

    @Test func withoutLoginWhereRequiredWaitsForTheSettings() async throws {
        let sink = try await SMTPSink(["--auth", "svforms:correct horse"])
        defer { sink.stop() }
        let error = await #expect(throws: DeliveryFailure.self) { try await transport(sink.url).send(MailFixtures.message()) }
        #expect(error?.isTransient == true, "530 authentication required: \(String(describing: error))")
        #expect(error?.message.contains("530") == true, "\(String(describing: error))")
    }
}
