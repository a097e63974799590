import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SVFormsStore
import Testing

@testable import SVFormsWeb

@Suite struct MailPageRouteTests {
    @Test func adminsSeeTheOutboxAndRetryAFailedMessage() async throws {
        let configuration = testConfiguration()
        try await addAccount("admin@example.org", role: .admin, to: configuration)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let (site, _) = try await makeSite(configuration, logger: Logger(label: "test"))
        let database = site.database
        let gone = try #require(try await database.accounts.accountForSignIn(email: "lead@example.org")?.account)
        let questionnaire = try #require(site.catalog.questionnaire(id: "every-type"))
        var notice = try site.mail.submissionNotice(to: gone, questionnaire: questionnaire, reference: "ABCD2345", organisation: nil)
        notice.subject = "Hello"
        try await database.outbox.enqueue([notice], at: configuration.now())
        let item = try #require(try await database.outbox.mail(status: nil, limit: 1, offset: 0).first)
        try await database.outbox.markFailed(item.id, attempts: 3, error: "SMTP 550 5.1.1 no such user")
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let refused = try await lead.get("/admin/mail")
            #expect(refused.status == .forbidden)
            let leadsDashboard = try await lead.get("/admin")
            #expect(!leadsDashboard.text.contains("could not be delivered"))

            var admin = TestBrowser(client)
            try await admin.signIn("admin@example.org")
            let dashboard = try await admin.get("/admin")
            #expect(dashboard.text.contains("1 email could not be delivered. Review failed mail"))
            #expect(dashboard.body.contains("href=\"/admin/mail?status=failed\""))
            let page = try await admin.get("/admin/mail?status=failed")
            #expect(page.text.contains("submission lead@example.org Hello failed 3 SMTP 550 5.1.1 no such user"))
            #expect(page.body.contains("<a href=\"/admin/mail?status=failed\" aria-current=\"page\">Failed (1)</a>"))
            #expect(page.text.contains("Retry all failed mail (1)"))
            let forged = try await admin.post("/admin/mail/\(item.id)/retry", [], csrf: false)
            #expect(forged.status == .forbidden)
            let retried = try await admin.post("/admin/mail/\(item.id)/retry")
            #expect(retried.location == "/admin/mail?status=queued&retried=1")
            let notice = try await admin.get(try #require(retried.location))
            #expect(notice.text.contains("1 message is queued again."))
            let again = try await admin.post("/admin/mail/\(item.id)/retry")
            #expect(again.status == .notFound)  // no longer failed: queued, or already sent by the worker
        }
        let after = try #require(try await database.outbox.mail(status: nil, limit: 5, offset: 0).first { $0.id == item.id })
        #expect(after.status != .failed)
    }

    @Test func adminsRetryEveryFailedMessageAtOnce() async throws {
        let configuration = testConfiguration()
        try await addAccount("admin@example.org", role: .admin, to: configuration)
        let (site, _) = try await makeSite(configuration, logger: Logger(label: "test"))
        let admin = try #require(try await site.database.accounts.accountForSignIn(email: "admin@example.org")?.account)
        let questionnaire = try #require(site.catalog.questionnaire(id: "every-type"))
        for reference in ["ABCD2345", "EFGH2345"] {
            try await site.database.outbox.enqueue(
                [try site.mail.submissionNotice(to: admin, questionnaire: questionnaire, reference: reference, organisation: nil)],
                at: configuration.now())
        }
        for item in try await site.database.outbox.mail(status: nil, limit: 5, offset: 0) {
            try await site.database.outbox.markFailed(item.id, attempts: 12, error: "undelivered after five days: connection refused")
        }
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.signIn("admin@example.org")
            try await browser.get("/admin/mail")
            let forged = try await browser.post("/admin/mail/retry-failed", [], csrf: false)
            #expect(forged.status == .forbidden)
            let retried = try await browser.post("/admin/mail/retry-failed")
            #expect(retried.location == "/admin/mail?status=queued&retried=2")
            let page = try await browser.get("/admin/mail?status=queued&retried=2")
            #expect(page.text.contains("2 messages are queued again."))
            let audit = try await browser.get("/admin/audit")
            #expect(audit.text.contains("mail.retry all failed mail 2"))
        }
        #expect(try await site.database.outbox.mailCounts()[.failed] == nil)
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
        let accounts = try await AppDatabase(directory: configuration.dataDirectory).accounts.accountsToNotify(.digest)
        #expect(accounts.map(\.email) == ["lead@example.org"])
    }
}
