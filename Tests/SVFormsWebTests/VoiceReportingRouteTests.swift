import Foundation
import GRDB
import HummingbirdTesting
import Logging
import SVFormsStore
import Testing

@testable import SVFormsBackground
@testable import SVFormsWeb

/// What leads and viewers read about voices: escaped text, small counts hidden from viewers,
/// and retention that drops personal data while the counts stay.
@Suite struct VoiceReportingRouteTests {
    static let payloads = ["\"><script>alert(1)</script>", "<img src=x onerror=alert(1)>"]

    @Test func scriptInEveryTextFieldAppearsOnlyEscapedToLeadsAndNeverInTheDigest() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            try await lead.get("/admin/account")
            try await lead.post("/admin/account", [("notify", "digest")])
            var person = TestBrowser(client)
            let hostile = VoiceAnswers(worries: ["other"], worriesOther: Self.payloads[1], text: Self.payloads.joined(separator: " "))
            try await person.sendVoice(hostile, clock: clock)
            let reference = try VoiceReviewRouteTests.references(configuration)[0]
            var pages = [
                try await lead.get("/admin/voices"), try await lead.get("/admin/voices?q=script"),
                try await lead.get("/admin/voices/community-voice/\(reference)"), try await lead.get("/admin"),
            ]
            pages.append(try await lead.post("/admin/voices/community-voice/\(reference)/redact", [("question", "voice"), ("passage", "<nothing>")]))
            for page in pages {
                for payload in Self.payloads { #expect(!page.body.contains(payload), "\(page.title ?? "")") }
            }
            #expect(pages[2].body.contains("&lt;img src=x onerror=alert(1)&gt;"))
            let csv = try await lead.get("/admin/forms/community-voice/responses.csv")
            // In a CSV file the text is data: quoted as RFC 4180 says, so no cell or row is broken.
            #expect(csv.body.contains("\"\"\"><script>alert(1)</script> <img src=x onerror=alert(1)>\""))
            let counts = try await lead.get("/admin/forms/community-voice/voice-counts.csv")
            for payload in Self.payloads { #expect(!counts.body.contains(payload)) }
        }
        // The next morning's digest counts voices; the words are never in it.
        clock.advance(by: 86_400)
        let (site, _) = try await makeSite(configuration, logger: Logger(label: "test"))
        await ScheduledMailService(site: site).runDueJobs()
        let digests = try await site.database.outbox.mail(status: nil, limit: 10, offset: 0).filter { $0.message.kind == "digest" }
        let digest = try String(decoding: #require(digests.first).message.payload, as: UTF8.self)
        #expect(digest.contains("Guildford"))
        for payload in Self.payloads + ["alert(1)"] { #expect(!digest.contains(payload)) }
    }

    @Test func aViewerSeesFewerThanFiveOnTheDashboardAndInTheDownload() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        try await addAccount("viewer@example.org", role: .viewer, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            for area in ["woking", "woking", "woking", "guildford", "guildford", "guildford", "guildford", "guildford"] {
                var person = TestBrowser(client)
                try await person.sendVoice(VoiceAnswers(area: area, worries: ["drugs"], text: "Voice from \(area)"), clock: clock)
            }
            var viewer = TestBrowser(client)
            try await viewer.signIn("viewer@example.org")
            let dashboard = try await viewer.get("/admin")
            #expect(dashboard.text.contains("Woking fewer than 5"))  // 3 voices
            #expect(dashboard.text.contains("Guildford 5"))
            #expect(dashboard.text.contains("2025/26 Q1 8"))
            #expect(!dashboard.text.contains("Woking 3"))
            #expect(!dashboard.body.contains("responses.csv"))
            let download = try await viewer.get("/admin/forms/community-voice/voice-counts.csv")
            #expect(download.status == .ok)
            #expect(download.body.contains("2025/26 Q1,By area,Woking,All voices,fewer than 5"))
            #expect(download.body.contains("2025/26 Q1,By area and theme,Woking,Drugs and drug dealing,fewer than 5"))
            #expect(download.body.contains("2025/26 Q1,By area,Guildford,All voices,5"))
            #expect(!download.body.contains(",3\r\n"))
            #expect(try await viewer.get("/admin/forms/community-voice/responses.csv").status == .forbidden)

            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let exact = try await lead.get("/admin/forms/community-voice/voice-counts.csv")
            #expect(exact.body.contains("2025/26 Q1,By area,Woking,All voices,3"))
            #expect(try await lead.get("/admin").text.contains("Woking 3"))
        }
        let audited = try withDatabase(configuration) {
            try String.fetchAll($0, sql: "SELECT actor || ' ' || action FROM audit_event WHERE action LIKE 'download.%' ORDER BY id")
        }
        #expect(audited == ["viewer@example.org download.voice-counts.csv", "lead@example.org download.voice-counts.csv"])
    }

    @Test func retentionDropsContactDetailsThenTextAndTheQuartersCountsStay() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        try await addAccount("admin@example.org", role: .admin, to: configuration)
        let app = try await buildApplication(configuration)
        let (site, _) = try await makeSite(configuration, logger: Logger(label: "test"))
        let housekeeping = HousekeepingService(
            database: site.database, questionnaires: site.catalog.questionnaires, timeZone: site.partnership.timeZone,
            attemptWindow: AttemptThrottle.longestWindow, now: { clock.now }, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            var person = TestBrowser(client)
            try await person.sendVoice(VoiceAnswers(area: "woking", text: "My words", email: "me@example.org"), clock: clock)
            var admin = TestBrowser(client)
            try await admin.signIn("admin@example.org")
            let before = try await admin.get("/admin/forms/community-voice/voice-counts.csv").body
            let outlook = try await admin.get("/admin/retention")
            #expect(outlook.text.contains("Contact details 90 days after the voice was sent 0"))

            clock.advance(by: 89 * 86_400)
            await housekeeping.sweep()
            #expect(try Self.kept(configuration) == ["area", "contact-consent", "contact-email", "place", "safe-after-dark", "voice", "worries"])
            clock.advance(by: 2 * 86_400)  // 91 days
            await housekeeping.sweep()
            #expect(try Self.kept(configuration) == ["area", "contact-consent", "place", "safe-after-dark", "voice", "worries"])
            clock.advance(by: 640 * 86_400)  // 731 days
            await housekeeping.sweep()
            await housekeeping.sweep()
            #expect(try Self.kept(configuration) == ["area", "contact-consent", "place", "safe-after-dark", "worries"])

            let reference = try VoiceReviewRouteTests.references(configuration)[0]
            try await admin.signIn("admin@example.org")
            let voice = try await admin.get("/admin/voices/community-voice/\(reference)")
            #expect(voice.text.contains("Contact details deleted"))
            #expect(
                voice.text.contains(
                    "Tell us in your own words how violence or the fear of violence affects you there Deleted under the retention policy"))
            let after = try await admin.get("/admin/forms/community-voice/voice-counts.csv").body
            let firstQuarter = { (csv: String) in csv.split(separator: "\r\n").filter { $0.hasPrefix("2025/26 Q1,") } }
            #expect(!firstQuarter(before).isEmpty)
            #expect(firstQuarter(after) == firstQuarter(before))
            #expect(firstQuarter(after).contains("2025/26 Q1,By area,Woking,All voices,1"))
            let retention = try await admin.get("/admin/retention")
            #expect(retention.status == .ok)
            #expect(retention.text.contains("Contact details 90 days after the voice was sent 1 Nothing to delete 0"))
        }
        let audit = try withDatabase(configuration) {
            try String.fetchAll(
                $0, sql: "SELECT actor || ' ' || action || ' ' || subject || ' ' || row_count FROM audit_event WHERE action LIKE 'retention.%'")
        }
        #expect(audit == ["retention retention.contact-details community-voice 1", "retention retention.text community-voice 1"])
    }

    /// The question ids the one voice still has answers to.
    static func kept(_ configuration: AppConfiguration) throws -> [String] {
        try withDatabase(configuration) { try String.fetchAll($0, sql: "SELECT DISTINCT question_id FROM answer ORDER BY question_id") }
    }
}
