import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SVFormsStore
import Testing

@testable import SVFormsWeb

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
