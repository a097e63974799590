import Foundation
import Hummingbird
import Logging
import HummingbirdTesting
import SVFormsStore
@testable import SVFormsWeb
import Testing

@Suite struct MailPageRouteTests {
    @Test func adminsSeeTheOutboxAndRetryAFailedMessage() async throws {
        let configuration = testConfiguration()
        try await addAccount("admin@example.org", role: .admin, to: configuration)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let (site, _) = try await makeSite(configuration, logger: Logger(label: "test"))
        let database = site.database
        let gone = try #require(try await database.accountForSignIn(email: "lead@example.org")?.account)
        let questionnaire = try #require(site.catalog.questionnaire(id: "every-type"))
        var notice = try site.mail.submissionNotice(to: gone, questionnaire: questionnaire, reference: "ABCD2345", organisation: nil)
        notice.subject = "Hello"
        try await database.enqueue([notice], at: configuration.now())
        let item = try #require(try await database.mail(status: nil, limit: 1, offset: 0).first)
        try await database.markFailed(item.id, attempts: 3, error: "SMTP 550 5.1.1 no such user")
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let refused = try await lead.get("/admin/mail")
            #expect(refused.status == .forbidden)

            var admin = TestBrowser(client)
            try await admin.signIn("admin@example.org")
            let page = try await admin.get("/admin/mail?status=failed")
            #expect(page.text.contains("submission lead@example.org Hello failed 3 SMTP 550 5.1.1 no such user"))
            #expect(page.text.contains("Failed (1)"))
            let forged = try await admin.post("/admin/mail/\(item.id)/retry", [], csrf: false)
            #expect(forged.status == .forbidden)
            let retried = try await admin.post("/admin/mail/\(item.id)/retry")
            #expect(retried.location == "/admin/mail?status=queued&retried")
            let again = try await admin.post("/admin/mail/\(item.id)/retry")
            #expect(again.status == .notFound)  // no longer failed: queued, or already sent by the worker
        }
        let after = try #require(try await database.mail(status: nil, limit: 5, offset: 0).first { $0.id == item.id })
        #expect(after.status != .failed)
    }

    @Test func leadsChooseTheirEmailsAndViewersCannot() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        try await addAccount("viewer@example.org", role: .viewer, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var viewer = TestBrowser(client)
            try await viewer.signIn("viewer@example.org")
            let refused = try await viewer.get("/admin/account")
            #expect(refused.status == .forbidden)
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            try await lead.get("/admin/account")
            let saved = try await lead.post("/admin/account", [("notify", "digest"), ("notify", "submissions")])
            #expect(saved.location == "/admin/account?saved")
            let page = try await lead.get("/admin/account?saved")
            #expect(page.body.contains("value=\"submissions\" checked"))
            #expect(page.text.contains("Your choices are saved."))
        }
        let accounts = try await AppDatabase(directory: configuration.dataDirectory).accountsToNotify(.digest)
        #expect(accounts.map(\.email) == ["lead@example.org"])
    }
}
