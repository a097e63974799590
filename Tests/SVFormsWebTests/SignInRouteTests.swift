import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SVFormsStore
@testable import SVFormsWeb
import Testing

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
        try await app.test(.router) { client in
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
        try await app.test(.router) { client in
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
        try await app.test(.router) { client in
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
        try await app.test(.router) { client in
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
            for next in ["//evil.example", "https://evil.example/admin", "/admin//evil.example", "/\\evil.example", "/f/every-type", "/admin@evil.example"] {
                var browser = TestBrowser(client)
                let signedIn = try await browser.signIn("admin@example.org", next: TestBrowser.encode(next))
                #expect(signedIn.location == "/admin", "\(next)")
            }
            var browser = TestBrowser(client)
            let back = try await browser.signIn("admin@example.org", next: "/admin/audit")
            #expect(back.location == "/admin/audit")
        }
    }

    @Test func rolesAreCheckedOnTheServer() async throws {
        let configuration = testConfiguration()
        try await addAccount("viewer@example.org", role: .viewer, to: configuration)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        try await addAccount("admin@example.org", role: .admin, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            for (email, auditStatus) in [("viewer@example.org", HTTPResponse.Status.forbidden), ("lead@example.org", .forbidden), ("admin@example.org", .ok)] {
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
            try await AppDatabase(directory: configuration.dataDirectory).disableAccount(email: "lead@example.org", at: configuration.now())
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

@Suite struct SessionDurabilityRouteTests {
    @Test func aSessionSurvivesAServerRestart() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let cookies = try await buildApplication(configuration).test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.signIn("lead@example.org")
            return browser.cookies
        }
        try await buildApplication(configuration).test(.router) { client in
            var browser = TestBrowser(client)
            browser.cookies = cookies
            let dashboard = try await browser.get("/admin")
            #expect(dashboard.status == .ok)
        }
    }

    @Test func signInIsThrottledPerClientAddressAcrossAccounts() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            for index in 0..<20 { try await browser.signIn("guess\(index)@example.org", password: "guess guess guess") }
            // A different account, the right password, but the same client: paused.
            let blocked = try await browser.signIn("lead@example.org")
            #expect(blocked.status == .tooManyRequests)
        }
    }

    @Test func theSignInFormNeedsItsAntiForgeryToken() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/admin/login")
            let forged = try await browser.post("/admin/login", [("email", "lead@example.org"), ("password", "correct horse battery")], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(browser.cookies["svf_session"] == nil)
        }
    }
}


@Suite struct AccessRouteTests {
    static let signedInGets = [
        "/admin", "/admin/audit", "/admin/forms/role-understanding/responses.csv", "/admin/forms/role-understanding/responses.xlsx",
        "/admin/forms/role-understanding/measures/2.2.1.a.csv", "/admin/forms/role-understanding/measures/2.2.1.a.xlsx",
    ]

    @Test func everySignedInRouteSendsAnonymousVisitorsToSignIn() async throws {
        let app = try await buildApplication(testConfiguration(forms: Repository.surreyForms))
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            for path in Self.signedInGets {
                let page = try await browser.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.location?.hasPrefix("/admin/login") == true, "\(path)")
            }
            let logout = try await browser.post("/admin/logout", [], csrf: false)
            #expect(logout.status == .seeOther)
            #expect(logout.location == "/admin/login")
        }
    }

    @Test func antiForgeryTokensAreCheckedAndBoundToTheirOwnSession() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        try await addAccount("viewer@example.org", role: .viewer, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/admin/login")
            let wrong = try await browser.post(
                "/admin/login", [("email", "lead@example.org"), ("password", "correct horse battery"), ("_csrf", "AAAA")], csrf: false)
            #expect(wrong.status == .forbidden)

            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            var viewer = TestBrowser(client)
            try await viewer.signIn("viewer@example.org")
            let viewerPage = try await viewer.get("/admin")
            lead.csrf = viewerPage.csrfToken  // another session's token
            let crossed = try await lead.post("/admin/logout")
            #expect(crossed.status == .forbidden)
            let stillIn = try await lead.get("/admin")
            #expect(stillIn.status == .ok)
        }
    }

    @Test func aHugePageNumberOnTheAuditLogIsHarmless() async throws {
        let configuration = testConfiguration()
        try await addAccount("admin@example.org", role: .admin, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var admin = TestBrowser(client)
            try await admin.signIn("admin@example.org")
            for page in ["9223372036854775807", "-9223372036854775808", "0", "x"] {
                let audit = try await admin.get("/admin/audit?page=\(page)")
                #expect(audit.status == .ok, "\(page)")
            }
        }
    }
}

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
        try await AppDatabase(directory: configuration.dataDirectory).disableAccount(email: "gone@example.org", at: configuration.now())
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
        let events = try await AppDatabase(directory: configuration.dataDirectory).auditEvents(limit: 50)
        let failures = events.filter { $0.action == "login.failure" }
        #expect(Set(failures.map(\.actor)) == ["anonymous"])
        #expect(failures.contains { $0.subject == "(not an email address)" })
        #expect(!events.contains { ($0.subject ?? "").contains("secret") })
        // Repeated refusals are audited once per window, not once per request.
        #expect(events.filter { $0.action == "login.throttled" }.count == 1)
    }
}

@Suite struct ClientAddressTests {
    @Test func forwardedForIsBelievedOnlyFromATrustedProxy() {
        let proxies: Set<String> = ["127.0.0.1"]
        #expect(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: "198.51.100.1", trustedProxies: proxies) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "198.51.100.1", trustedProxies: proxies) == "198.51.100.1")
        // A client cannot hide behind an address it wrote itself: the right-most untrusted hop counts.
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "10.9.9.9, 198.51.100.1", trustedProxies: proxies) == "198.51.100.1")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "not-an-address", trustedProxies: proxies) == "127.0.0.1")
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: "198.51.100.1", trustedProxies: proxies) == "unknown")
    }

    @Test func ipv6AddressesAreThrottledByTheirNetwork() {
        #expect(ClientAddress.throttleKey("2001:db8:1:2:aaaa::1") == ClientAddress.throttleKey("2001:db8:1:2:bbbb::9"))
        #expect(ClientAddress.throttleKey("2001:db8:1:3::1") != ClientAddress.throttleKey("2001:db8:1:2::1"))
        #expect(ClientAddress.throttleKey("198.51.100.1") == "198.51.100.1")
    }
}
