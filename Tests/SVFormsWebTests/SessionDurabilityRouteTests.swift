import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SVFormsStore
import Testing

@testable import SVFormsWeb

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
