import Foundation
import Testing

@testable import SVFormsMail

@Suite("SMTPTransport concurrency")
struct SMTPTransportConcurrencyTests {
    @Test func twentyConcurrentMessagesAllArriveOnce() async throws {
        let sink = try await SMTPSink()
        defer { sink.stop() }
        let transport = try SMTPTransport(settings: SMTPSettings(url: sink.url))
        let messages = try (0..<20).map { index in
            try MailFixtures.message(to: ["rep\(index)@example.org"], subject: "Invitation \(index)")
        }
        try await withThrowingTaskGroup(of: DeliveryReceipt.self) { group in
            for message in messages {
                group.addTask { try await transport.send(message) }
            }
            for try await _ in group {}
        }

        let received = try sink.received()
        #expect(received.count == 20)
        var arrivedIDs: [String] = []
        for item in received {
            let parsed = try await ParsedMail.parse(item.bytes)
            arrivedIDs.append(parsed.messageID)
            let index = try #require(Int(parsed.subject.dropFirst("Invitation ".count)))
            #expect(item.recipients == ["rep\(index)@example.org"], "each message went to its own recipient only")
        }
        #expect(arrivedIDs.sorted() == messages.map(\.messageID).sorted())
    }
}
