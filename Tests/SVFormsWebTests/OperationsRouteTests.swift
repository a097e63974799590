import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SVFormsCore
import SVFormsStore
import Testing

@testable import SVFormsWeb

/// `/readyz`, and what the server writes to its log: one line per request, nothing personal.
@Suite struct OperationsRouteTests {
    /// Each check in words for monitoring on the machine itself; anyone else (through the proxy) learns only the status.
    @Test func readinessSaysEachCheckOnlyToCallersOnThisMachine() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.live) { client in
            var local = TestBrowser(client)
            let ready = try await local.get("/readyz")
            #expect(ready.status == .ok)
            #expect(ready.body == "database: writable\nforms: 1 loaded\nmail: 0 waiting")
            #expect(ready.header("Cache-Control") == "no-store")
            var proxied = TestBrowser(client)
            let outside = try await proxied.send("/readyz", method: .get, body: nil, headers: [.xForwardedFor: "203.0.113.9"])
            #expect(outside.status == .ok)
            #expect(outside.body == "ready")
            let head = try await proxied.send("/readyz", method: .head, body: nil, headers: [.xForwardedFor: "203.0.113.9"])
            #expect(head.status == .ok && head.body.isEmpty)
        }
        let unconnected = try await buildApplication(testConfiguration())
        try await unconnected.test(.router) { client in
            var browser = TestBrowser(client)
            let page = try await browser.get("/readyz")
            #expect(page.body == "ready")
        }
    }

    @Test func theWriteProbeRunsAtMostOncePerMaxAge() async {
        let checks = LineSink()
        let recent = RecentResult<String?>(maxAge: .seconds(60))
        for _ in 0..<5 {
            _ = await recent.value {
                checks.append("check")
                return nil
            }
        }
        #expect(checks.all.count == 1)
        let fresh = RecentResult<String?>(maxAge: .zero)
        for _ in 0..<3 {
            _ = await fresh.value {
                checks.append("check")
                return "SQLITE_FULL"
            }
        }
        #expect(checks.all.count == 4)
    }

    @Test func readinessFailsWhenAnyCheckFails() {
        let moving = MailQueueHealth(waiting: 2, overdue: 0, oldestDue: nil)
        #expect(Readiness(databaseProblem: nil, formsLoaded: 2, mail: moving).isReady)
        let stuck = Readiness(databaseProblem: nil, formsLoaded: 2, mail: MailQueueHealth(waiting: 3, overdue: 1, oldestDue: Date()))
        #expect(!stuck.isReady)
        #expect(stuck.lines == ["database: writable", "forms: 2 loaded", "mail: stuck (1 of 3 waiting messages overdue by more than 15 minutes)"])
        let full = Readiness(databaseProblem: "SQLITE_FULL: database or disk is full", formsLoaded: 2, mail: moving)
        #expect(!full.isReady)
        #expect(full.lines[0] == "database: cannot write (SQLITE_FULL: database or disk is full)")
        #expect(!Readiness(databaseProblem: nil, formsLoaded: 0, mail: moving).isReady)
        #expect(!Readiness(databaseProblem: nil, formsLoaded: 2, mail: nil).isReady)
    }

    @Test func everyRequestIsLoggedOnceWithItsRouteStatusDurationAndId() async throws {
        let logs = LogCapture()
        let app = try await buildApplication(testConfiguration(), logger: logs.logger)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let home = try await browser.get("/")
            let token = "Zq9secretInvitationToken0123456789abcdefXYZ"
            let invitation = try await browser.get("/i/\(token)")
            let missing = try await browser.get("/no/such/page?q=private+words")
            try await browser.get("/healthz")

            let requests = logs.all.filter { $0.hasPrefix("info request ") }
            #expect(requests.count == 3, "\(requests)")
            let homeID = try #require(home.header("X-Request-Id"))
            #expect(requests.contains { $0.contains("hb.request.id=\(homeID)") && $0.contains("route=/ ") && $0.contains("status=200") })
            #expect(requests.contains { $0.contains("route=/i/") && $0.contains("status=\(invitation.status.code)") })
            #expect(requests.contains { $0.contains("route=(no route)") && $0.contains("status=\(missing.status.code)") })
            #expect(requests.allSatisfy { $0.contains("duration_ms=") && $0.contains("method=GET") })
            // Neither the token in the path nor the query string reaches the log; probes log below info.
            #expect(!logs.all.contains { $0.contains(token) || $0.contains("private") })
            #expect(!logs.all.contains { $0.contains("route=/healthz") })
        }
    }

    @Test func answersVoicesAndEmailAddressesNeverReachTheLog() async throws {
        let clock = TestClock()
        let logs = LogCapture()
        let configuration = voiceConfiguration(clock)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration, logger: logs.logger)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            var voice = VoiceAnswers()
            voice.text = "Marker-words-7731 near the underpass"
            voice.email = "marker.person@example.org"
            let sent = try await browser.sendVoice(voice, clock: clock)
            #expect(sent.status == .seeOther)
            var lead = TestBrowser(client)
            try await lead.get("/admin/login")
            let refused = try await lead.post("/admin/login", [("email", "marker.intruder@example.org"), ("password", "Marker-password-99")])
            #expect(refused.status == .unprocessableContent)
            try await lead.signIn("lead@example.org")
            try await lead.get("/admin/voices/community-voice?q=Marker-words-7731")
        }
        #expect(logs.all.count > 20)
        for marker in ["Marker-words", "marker.person", "marker.intruder", "Marker-password", "lead@example.org"] {
            #expect(!logs.all.contains { $0.contains(marker) }, "\(marker) was logged")
        }
    }

    @Test func logTextDropsAnythingShapedLikeAnEmailAddress() {
        #expect(
            LogText.withoutEmailAddresses("550 5.1.1 <bob.smith@council.gov.uk>: Recipient address rejected")
                == "550 5.1.1 <[address]>: Recipient address rejected")
        #expect(LogText.withoutEmailAddresses("no address here") == "no address here")
    }

    @Test func theJSONLogFormatWritesOneObjectPerLine() throws {
        let lines = LineSink()
        var logger = Logger(label: "svforms") { JSONLogHandler(label: $0, write: lines.append) }
        logger[metadataKey: "hb.request.id"] = "abc123"
        logger.info("request", metadata: ["status": "200", "quote": "say \"hi\"\nnext"])
        let line = try #require(lines.all.first)
        #expect(line.hasSuffix("\n") && line.dropLast().allSatisfy { $0 != "\n" })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["message"] == "request")
        #expect(object["level"] == "info")
        #expect(object["request_id"] == "abc123")
        #expect(object["status"] == "200")
        #expect(object["quote"] == "say \"hi\"\nnext")
        #expect(object["time"]?.hasSuffix("Z") == true)
    }
}

/// Collects whole lines written by a log handler.
private final class LineSink: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var all: [String] { lock.withLock { lines } }
    func append(_ line: String) { lock.withLock { lines.append(line) } }
}
