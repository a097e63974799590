import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SVFormsStore
@testable import SVFormsWeb
import Testing

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
