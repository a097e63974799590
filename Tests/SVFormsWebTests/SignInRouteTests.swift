import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SVFormsStore
import Testing

@testable import SVFormsWeb

/// Signing in and out, sessions, and what each role may open.
@Suite struct SignInRouteTests {
    @Test func signedInPagesSendAnonymousVisitorsToSignIn() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            for path in ["/admin", "/admin/audit"] {
                let page = try await browser.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.location == (path == "/admin" ? "/admin/login" : "/admin/login?next=\(path)"), "\(path)")
            }
        }
    }

    @Test func signingInStartsASessionWithAStrictCookie() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        var https = configuration
        https.baseURL = "https://forms.example.org"
        let app = try await buildApplication(https)
        try await app.test(.live) { client in
            var browser = TestBrowser(client)
            let signedIn = try await browser.signIn("LEAD@example.org")
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.location == "/admin")
            let cookie = try #require(browser.setCookieHeaders.last { $0.hasPrefix("__Host-svf_session=") })
            for attribute in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/", "Max-Age=43200"] {
                #expect(cookie.contains(attribute), "\(attribute) in \(cookie)")
            }
            #expect(!cookie.contains("Domain="))
            let dashboard = try await browser.get("/admin")
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("lead@example.org (Lead)"))
            #expect(dashboard.headers[.cacheControl] == "no-store")
        }
    }

    @Test func aWrongPasswordAndAnUnknownAccountLookTheSame() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let wrong = try await browser.signIn("lead@example.org", password: "not the password")
            let unknown = try await browser.signIn("nobody@example.org", password: "not the password")
            #expect(wrong.status == .unprocessableContent)
            #expect(unknown.status == wrong.status)
            let scrub = { (page: TestPage) in page.body.replacingOccurrences(of: #"value="[^"]*""#, with: "", options: .regularExpression) }
            #expect(scrub(wrong) == scrub(unknown))
            #expect(wrong.text.contains("Enter the email address and password of an active account"))
            #expect(!wrong.body.contains("not the password"))
            #expect(browser.cookies.keys.allSatisfy { !$0.contains("session") })
        }
    }

    @Test func signInIsThrottledPerAccountAlikeForUnknownAccounts() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            for email in ["lead@example.org", "ghost@example.org"] {
                for _ in 0..<5 { try await browser.signIn(email, password: "guess guess guess") }
                let blocked = try await browser.signIn(email, password: "guess guess guess")
                #expect(blocked.status == .tooManyRequests, "\(email)")
                #expect(blocked.header("Retry-After") == "900", "\(email)")
                #expect(blocked.text.contains("Too many attempts"))
            }
            // Even the right password waits until the pause is over.
            let right = try await browser.signIn("lead@example.org")
            #expect(right.status == .tooManyRequests)
            // The second outside test's way round: a NUL after the address made a new throttle key while
            // SQLite's NOCASE comparison, stopping at the NUL, still found the account.
            for suffix in ["", "zzz", "1"] {
                let smuggled = try await browser.signIn("lead@example.org\u{0}" + suffix)
                #expect(smuggled.status == .badRequest, "\(smuggled.status)")
            }
        }
    }

    @Test func signingInAgainEndsTheSessionTheBrowserHad() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.signIn("lead@example.org")
            let first = try #require(browser.cookies["svf_session"])
            try await browser.signIn("lead@example.org")
            #expect(browser.cookies["svf_session"] != first)
            var replay = TestBrowser(client)
            replay.cookies["svf_session"] = first
            let replayed = try await replay.get("/admin")
            #expect(replayed.status == .seeOther)
        }
    }

    @Test func theSessionIDChangesAtSignInSoAPlantedCookieIsUseless() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.live) { client in
            var browser = TestBrowser(client)
            let planted = "fixatedfixatedfixatedfixatedfixatedfixated"
            browser.cookies["svf_session"] = planted
            try await browser.signIn("lead@example.org")
            #expect(browser.cookies["svf_session"] != planted)
            var attacker = TestBrowser(client)
            attacker.cookies["svf_session"] = planted
            let page = try await attacker.get("/admin")
            #expect(page.status == .seeOther)
        }
    }

    @Test func signingOutKillsTheSessionForGood() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.live) { client in
            var browser = TestBrowser(client)
            try await browser.signIn("lead@example.org")
            let dashboard = try await browser.get("/admin")
            let sessionCookie = try #require(browser.cookies["svf_session"])
            let forged = try await browser.post("/admin/logout", [], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(dashboard.csrfToken != nil)
            let out = try await browser.post("/admin/logout")
            #expect(out.location == "/admin/login?signed-out")
            #expect(browser.cookies["svf_session"] == nil)
            // Replaying the old cookie gets nowhere.
            var replay = TestBrowser(client)
            replay.cookies["svf_session"] = sessionCookie
            let replayed = try await replay.get("/admin")
            #expect(replayed.location == "/admin/login")
            let notice = try await browser.get("/admin/login?signed-out")
            #expect(notice.text.contains("You have signed out."))
        }
    }

    @Test func sessionsEndAfter30IdleMinutesAnd12HoursInAll() async throws {
        let clock = TestClock()
        var configuration = testConfiguration()
        configuration.now = { clock.now }
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.live) { client in
            var browser = TestBrowser(client)
            try await browser.signIn("lead@example.org")
            clock.advance(by: 29 * 60)
            #expect(try await browser.get("/admin").status == .ok)
            clock.advance(by: 29 * 60)  // 29 idle minutes again: still fine
            #expect(try await browser.get("/admin").status == .ok)
            clock.advance(by: 30 * 60 + 1)
            #expect(try await browser.get("/admin").status == .seeOther)

            try await browser.signIn("lead@example.org")
            for _ in 0..<24 {  // active every 25 minutes for 10 hours
                clock.advance(by: 25 * 60)
                #expect(try await browser.get("/admin").status == .ok)
            }
            clock.advance(by: 2 * 3600 - 25 * 60)  // 12 hours after signing in, active 25 minutes ago
            #expect(try await browser.get("/admin").status == .seeOther)
        }
    }

    @Test func signInOnlyReturnsToPagesInsideTheSite() async throws {
        let configuration = testConfiguration()
        try await addAccount("admin@example.org", role: .admin, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            for next in [
                "//evil.example", "https://evil.example/admin", "/admin//evil.example", "/\\evil.example", "/f/every-type", "/admin@evil.example",
                "/admin\"><script>alert(1)</script>", "/admin/voices?q='x'",
            ] {
                var browser = TestBrowser(client)
                let signedIn = try await browser.signIn("admin@example.org", next: TestBrowser.encode(next))
                #expect(signedIn.location == "/admin", "\(next)")
            }
            var browser = TestBrowser(client)
            let back = try await browser.signIn("admin@example.org", next: TestBrowser.encode("/admin/audit?page=2&x=%20y"))
            #expect(back.location == "/admin/audit?page=2&x=%20y")
        }
    }

    @Test func rolesAreCheckedOnTheServer() async throws {
        let configuration = testConfiguration()
        try await addAccount("viewer@example.org", role: .viewer, to: configuration)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        try await addAccount("admin@example.org", role: .admin, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            for (email, auditStatus) in [
                ("viewer@example.org", HTTPResponse.Status.forbidden), ("lead@example.org", .forbidden), ("admin@example.org", .ok),
            ] {
                var browser = TestBrowser(client)
                try await browser.signIn(email)
                #expect(try await browser.get("/admin").status == .ok, "\(email)")
                let audit = try await browser.get("/admin/audit")
                #expect(audit.status == auditStatus, "\(email)")
                #expect(audit.text.contains("Every sign-in and every download") == (auditStatus == .ok), "\(email)")
            }
        }
    }

    @Test func aDisabledAccountCannotSignInAndItsSessionsEnd() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.signIn("lead@example.org")
            try await AppDatabase(directory: configuration.dataDirectory).accounts.disableAccount(email: "lead@example.org", at: configuration.now())
            #expect(try await browser.get("/admin").status == .seeOther)
            #expect(try await browser.signIn("lead@example.org").status == .unprocessableContent)
        }
    }

    @Test func everySignInAttemptIsAudited() async throws {
        let configuration = testConfiguration()
        try await addAccount("admin@example.org", role: .admin, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.signIn("admin@example.org", password: "wrong password here")
            try await browser.signIn("admin@example.org")
            let audit = try await browser.get("/admin/audit")
            #expect(audit.text.contains("anonymous login.failure admin@example.org"))
            #expect(audit.text.contains("admin@example.org login.success"))
        }
    }
}
