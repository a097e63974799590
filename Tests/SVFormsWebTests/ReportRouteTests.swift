import Foundation
import Hummingbird
import HummingbirdTesting
import SVFormsStore
import SVFormsWeb
import Testing

@Suite struct ReportRouteTests {
    /// A lead records a board meeting through the form, publishes the quarter, then records another:
    /// the signed-in report follows the register, the published page keeps what was published.
    @Test func aPublishedReportIsASnapshotUntilItIsPublishedAgainOrWithdrawn() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_786_795_200))  // 15 August 2026: 2026/27 Q2
        var configuration = testConfiguration(forms: Repository.surreyForms)
        configuration.now = { clock.now }
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        // Two responses, both "good": 100.0% signed in, but too few people to publish.
        try await seedRoleSurveys([("surrey-police", "good", "A"), ("surrey-fire-and-rescue", "good", "B")], at: clock.now, in: configuration)
        let dataDirectory = configuration.dataDirectory
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            func meeting(_ day: Int, _ organisations: [String]) async throws {
                _ = try await lead.get("/admin/meetings/new")
                let page = try await lead.post(
                    "/admin/meetings",
                    [
                        ("held-on-day", String(day)), ("held-on-month", "8"), ("held-on-year", "2026"), ("body", "board"),
                    ] + organisations.map { ("attended", $0) })
                #expect(page.status == .seeOther, "\(page.text)")
            }
            try await meeting(3, ["surrey-police", "surrey-opcc"])
            let preview = try await lead.get("/admin/reports/2026-27-Q2/preview")
            #expect(preview.text.contains("Preview: this is not public yet."))
            #expect(preview.text.contains("1 of 20 specified and relevant authorities attended"), "the preview is the public version")
            let asked = try await lead.post("/admin/reports/2026-27-Q2/publish")
            #expect(asked.status == .ok && asked.text.contains("Are you sure you want to publish the 2026/27 Q2 report?"))
            var early = TestBrowser(client)
            #expect(try await early.get("/reports/2026-27-Q2").status == .notFound, "asking publishes nothing")
            let published = try await lead.post("/admin/reports/2026-27-Q2/publish", [("confirm", "yes")])
            #expect(published.location == "/admin/reports/2026-27-Q2?notice=published")
            try await meeting(10, ["surrey-fire-and-rescue", "surrey-probation"])

            let signedIn = try await lead.get("/admin/reports/2026-27-Q2")
            #expect(signedIn.text.contains("3 of 20 specified and relevant authorities attended at least one board meeting in 2026/27 Q2"))
            var visitor = TestBrowser(client)
            let publicPage = try await visitor.get("/reports/2026-27-Q2")
            #expect(publicPage.status == .ok)
            #expect(publicPage.text.contains("1 of 20 specified and relevant authorities attended at least one board meeting in 2026/27 Q2"))
            #expect(publicPage.text.contains("Published on 15 August 2026"))
            #expect(!publicPage.text.contains("Sign out") && !publicPage.text.contains("lead@example.org"))
            #expect(signedIn.text.contains("100.0%"))
            #expect(!publicPage.body.contains("100.0%"), "a score from 2 responses must not be published, not even in the trend")
            #expect(publicPage.text.contains("Fewer than 5 responses: not published"))

            // Nothing in the future, and nothing a quarter label cannot be.
            let future = try await visitor.get("/reports/2026-27-Q3")
            #expect(future.status == .notFound)
            let futureSignedIn = try await lead.get("/admin/reports/2026-27-Q3")
            #expect(futureSignedIn.status == .notFound)
            let past = try await lead.get("/admin/reports/2026-27-Q1")
            #expect(past.status == .ok)

            _ = try await lead.get("/admin/reports/2026-27-Q2")
            let askedToWithdraw = try await lead.post("/admin/reports/2026-27-Q2/withdraw")
            #expect(askedToWithdraw.text.contains("Are you sure you want to withdraw the published 2026/27 Q2 report?"))
            #expect(try await visitor.get("/reports/2026-27-Q2").status == .ok, "asking withdraws nothing")
            let withdrawn = try await lead.post("/admin/reports/2026-27-Q2/withdraw", [("confirm", "yes")])
            #expect(withdrawn.location == "/admin/reports/2026-27-Q2?notice=withdrawn")
            let result6 = try await visitor.get("/reports/2026-27-Q2")
            #expect(result6.status == .notFound)
            let audit = try await AppDatabase(directory: dataDirectory).audit.auditEvents(limit: 10, offset: 0).map(\.action)
            #expect(audit.contains("report.publish") && audit.contains("report.withdraw"))
        }
    }

    /// A report published by earlier code (kept in the reporting tests' fixtures) still shows on the public page.
    @Test func aReportPublishedByEarlierCodeStillShows() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_786_795_200))  // 15 August 2026: 2026/27 Q2
        var configuration = testConfiguration(forms: Repository.surreyForms)
        configuration.now = { clock.now }
        let fixture = try String(
            contentsOfFile: Repository.path("Tests/SVFormsReportingTests/Fixtures/published-report-v1-unversioned.json"), encoding: .utf8)
        let app = try await buildApplication(configuration)
        try await AppDatabase(directory: configuration.dataDirectory).framework.publishReport(
            quarter: "2026/27 Q2", content: fixture, by: "lead@example.org", at: clock.now)
        try await app.test(.router) { client in
            var visitor = TestBrowser(client)
            let page = try await visitor.get("/reports/2026-27-Q2")
            #expect(page.status == .ok)
            #expect(page.text.contains("2.2.1.a") && page.text.contains("Published on 15 August 2026"))
            #expect(page.text.contains("Surrey Fire and Rescue Service"))
        }
    }
}
