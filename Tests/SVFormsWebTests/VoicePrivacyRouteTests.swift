import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import SVFormsStore
import Testing

@testable import SVFormsWeb

/// Voices are anonymous, what leads read is escaped, and what viewers see hides small counts.
@Suite struct VoicePrivacyRouteTests {
    @Test func theDatabaseHoldsNoClientAddressOrBrowserOfAVoice() async throws {
        let clock = TestClock()
        var configuration = voiceConfiguration(clock)
        configuration.port = 0
        configuration.trustedProxies = ["127.0.0.1"]
        let app = try await buildApplication(configuration)
        try await app.test(.live) { client in
            var person = TestBrowser(client)
            for (page, fields) in VoiceAnswers(email: "me@example.org").pages {
                _ = try await person.send("/f/community-voice/\(page)", method: .get, body: nil, headers: Self.identifying)
                clock.advance(by: 3)
                var all = fields + [("_csrf", person.csrf ?? "")]
                if let shown = person.shown { all.append(("_shown", shown)) }
                let body = all.map { "\(TestBrowser.encode($0.0))=\(TestBrowser.encode($0.1))" }.joined(separator: "&")
                let answered = try await person.send("/f/community-voice/\(page)", method: .post, body: body, headers: Self.identifying)
                #expect(answered.status == .seeOther)
            }
            _ = try await person.send("/f/community-voice/check", method: .get, body: nil, headers: Self.identifying)
            clock.advance(by: 3)
            let body = "_csrf=\(TestBrowser.encode(person.csrf ?? ""))&_shown=\(TestBrowser.encode(person.shown ?? ""))"
            let sent = try await person.send("/f/community-voice/submit", method: .post, body: body, headers: Self.identifying)
            #expect(sent.location == "/f/community-voice/confirmation")
        }
        #expect(try voiceStatuses(configuration).map(\.status) == ["new"])
        // Every text in every table, and the raw bytes of the database and its log.
        let texts = try withDatabase(configuration) { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'").flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").flatMap { row in
                    row.databaseValues.compactMap { String.fromDatabaseValue($0) }
                }
            }
        }
        #expect(texts.contains("me@example.org"))  // the voice is there, with the contact given by consent
        #expect(!texts.contains { $0.contains("203.0.113") || $0.contains("127.0.0.1") || $0.contains("VoiceMarker") })
        for suffix in ["", "-wal"] {
            let path = (configuration.dataDirectory as NSString).appendingPathComponent(AppDatabase.fileName + suffix)
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
            #expect(bytes.range(of: Data("203.0.113.77".utf8)) == nil, "\(suffix)")
            #expect(bytes.range(of: Data("VoiceMarker".utf8)) == nil, "\(suffix)")
        }
    }

    static let identifying: HTTPFields = [.xForwardedFor: "203.0.113.77", .userAgent: "VoiceMarkerBrowser/9.9"]
}
