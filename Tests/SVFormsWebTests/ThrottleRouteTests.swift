import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SVFormsStore
import Testing

@testable import SVFormsWeb

@Suite struct ThrottleRouteTests {
    @Test func parallelGuessesCannotSlipPastTheThrottle() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/admin/login")
            let guesser = browser
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<30 {
                    group.addTask {
                        var copy = guesser
                        return try await copy.post("/admin/login", [("email", "lead@example.org"), ("password", "guess guess guess")]).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 != .tooManyRequests }.count == 5)
        }
    }

    @Test func theAccountIsCountedWhateverItsCaseOrSpaces() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            for variant in ["lead@example.org", " LEAD@Example.org ", "Lead@Example.Org", "lead@EXAMPLE.org\t", "LEAD@EXAMPLE.ORG"] {
                try await browser.signIn(variant, password: "guess guess guess")
            }
            let blocked = try await browser.signIn("lead@example.org")
            #expect(blocked.status == .tooManyRequests)
        }
    }

    @Test func failuresAreAuditedAlikeAndPasswordsTypedAsEmailsAreNotKept() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        try await addAccount("gone@example.org", role: .lead, to: configuration)
        try await AppDatabase(directory: configuration.dataDirectory).accounts.disableAccount(email: "gone@example.org", at: configuration.now())
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            for (email, password) in [
                ("lead@example.org", "wrong wrong wrong"), ("ghost@example.org", "wrong wrong wrong"),
                ("gone@example.org", "correct horse battery"), ("my secret passphrase", "correct horse battery"),
            ] {
                var browser = TestBrowser(client)
                let page = try await browser.signIn(email, password: password)
                #expect(page.status == .unprocessableContent, "\(email)")
            }
            var throttled = TestBrowser(client)
            for _ in 0..<7 { try await throttled.signIn("lead@example.org", password: "wrong wrong wrong") }
        }
        let events = try await AppDatabase(directory: configuration.dataDirectory).audit.auditEvents(limit: 50)
        let failures = events.filter { $0.action == "login.failure" }
        #expect(Set(failures.map(\.actor)) == ["anonymous"])
        #expect(failures.contains { $0.subject == "(not an email address)" })
        #expect(!events.contains { ($0.subject ?? "").contains("secret") })
        // Repeated refusals are audited once per window, not once per request.
        #expect(events.filter { $0.action == "login.throttled" }.count == 1)
    }

    /// OWASP's device cookies: failures from elsewhere lock out only browsers the account has never used.
    @Test func strangersCannotLockALeadOutOfABrowserTheyHaveUsed() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var usual = TestBrowser(client)
            #expect(try await usual.signIn("lead@example.org").status == .seeOther)
            #expect(usual.setCookieHeaders.contains { $0.hasPrefix("svf_device=") && $0.contains("HttpOnly") && $0.contains("SameSite=Strict") })
            try await usual.get("/admin")
            try await usual.post("/admin/logout")

            var stranger = TestBrowser(client)
            for _ in 0..<5 { #expect(try await stranger.signIn("lead@example.org", password: "guess guess guess").status == .unprocessableContent) }
            #expect(try await stranger.signIn("lead@example.org", password: "guess guess guess").status == .tooManyRequests)
            // A new browser of the lead's own is slowed like the stranger's...
            var newBrowser = TestBrowser(client)
            #expect(try await newBrowser.signIn("lead@example.org").status == .tooManyRequests)
            // ...but the browser the lead signed in from before still signs in.
            #expect(try await usual.signIn("lead@example.org").status == .seeOther)
        }
    }

    @Test func aKnownBrowserHasItsOwnAllowanceAndItsCookieServesOneAccountOnly() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        try await addAccount("other@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var known = TestBrowser(client)
            #expect(try await known.signIn("lead@example.org").status == .seeOther)
            for _ in 0..<5 { #expect(try await known.signIn("lead@example.org", password: "guess guess guess").status == .unprocessableContent) }
            #expect(try await known.signIn("lead@example.org").status == .tooManyRequests)
            // That browser's failures did not use up the allowance of browsers the account does not know.
            var elsewhere = TestBrowser(client)
            #expect(try await elsewhere.signIn("lead@example.org").status == .seeOther)
            // Its cookie names lead@: for another account it is an unknown browser, counted with the others.
            var borrowed = TestBrowser(client)
            borrowed.cookies = elsewhere.cookies.filter { $0.key == "svf_device" }
            for _ in 0..<5 { try await borrowed.signIn("other@example.org", password: "guess guess guess") }
            var stranger = TestBrowser(client)
            #expect(try await stranger.signIn("other@example.org").status == .tooManyRequests)
        }
    }

    @Test func limitsSurviveARestart() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let first = try await buildApplication(configuration)
        try await first.test(.router) { client in
            var guesser = TestBrowser(client)
            for _ in 0..<5 { try await guesser.signIn("lead@example.org", password: "guess guess guess") }
        }
        // A new process on the same data directory, as after a crash and a restart by systemd.
        let restarted = try await buildApplication(configuration)
        try await restarted.test(.router) { client in
            var browser = TestBrowser(client)
            let page = try await browser.signIn("lead@example.org")
            #expect(page.status == .tooManyRequests)
        }
    }
}
