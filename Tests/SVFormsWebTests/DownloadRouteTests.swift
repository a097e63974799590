import Foundation
import Hummingbird
import HummingbirdTesting
import SVFormsStore
import SVFormsWeb
import Testing

/// Stores role-survey responses straight into the database of `configuration`.
/// Each response gives every one of the nine aspects the same rating.
func seedRoleSurveys(_ ratings: [(organisation: String, rating: String, jobRole: String)], at date: Date, in configuration: AppConfiguration)
    async throws
{
    let database = try AppDatabase(directory: configuration.dataDirectory)
    let aspects = [
        "duty", "governance", "strategy-priorities", "data-sharing", "needs-assessment", "interventions",
        "public-health-approach", "trauma-informed-practice", "community-engagement",
    ]
    for response in ratings {
        var answers: [String: [String]] = ["organisation": [response.organisation], "job-role": [response.jobRole]]
        for aspect in aspects { answers[aspect] = [response.rating] }
        _ = try await database.responses.submit(respondentKey: nil, formID: "role-understanding", formVersion: 1, answers: answers, at: date)
    }
}

@Suite struct DownloadRouteTests {
    let june2025 = Date(timeIntervalSince1970: 1_750_000_000)

    @Test func viewersGetScoredSummariesButNeverResponses() async throws {
        let configuration = testConfiguration(forms: Repository.surreyForms)
        try await addAccount("viewer@example.org", role: .viewer, to: configuration)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        try await seedRoleSurveys([("surrey-police", "good", "Analyst")], at: june2025, in: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var viewer = TestBrowser(client)
            try await viewer.signIn("viewer@example.org")
            for format in ["csv", "xlsx"] {
                let summary = try await viewer.get("/admin/forms/role-understanding/measures/2.2.1.a.\(format)")
                #expect(summary.status == .ok, "\(format)")
                let responses = try await viewer.get("/admin/forms/role-understanding/responses.\(format)")
                #expect(responses.status == .forbidden, "\(format)")
            }
            let dashboard = try await viewer.get("/admin")
            #expect(!dashboard.body.contains("responses.csv"))

            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let csv = try await lead.get("/admin/forms/role-understanding/responses.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.header("Content-Disposition") == "attachment; filename=\"role-understanding-responses-2025-06-15.csv\"")
            #expect(csv.headers[.cacheControl] == "no-store")
            #expect(csv.body.hasPrefix("\u{FEFF}Reference,Form version,Submitted at,Quarter,Organisation,Organisation type,"))
            #expect(
                csv.body.contains(
                    ",1,2025-06-15T16:06:40+01:00,2025/26 Q1,Surrey Police,Specified authorities,Surrey Police,Analyst,Good understanding,"))
            #expect(csv.body.hasSuffix(",9,9\r\n"))  // nine aspects rated, nine met
            let xlsx = try await lead.get("/admin/forms/role-understanding/responses.xlsx")
            #expect(xlsx.status == .ok)
            #expect(xlsx.header("Content-Disposition")?.contains("responses-2025-06-15.xlsx") == true)
        }
    }

    @Test func anonymousDownloadsGoToSignIn() async throws {
        let app = try await buildApplication(testConfiguration(forms: Repository.surreyForms))
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            for path in ["/admin/forms/role-understanding/responses.csv", "/admin/forms/role-understanding/measures/2.2.1.a.xlsx"] {
                let page = try await browser.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.location?.hasPrefix("/admin/login?next=") == true, "\(path)")
                #expect(!page.body.contains("Reference"))
            }
        }
    }

    @Test func unknownFormsMeasuresAndFormatsAre404() async throws {
        let configuration = testConfiguration(forms: Repository.surreyForms)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            for path in [
                "/admin/forms/nope/responses.csv", "/admin/forms/role-understanding/responses.pdf",
                "/admin/forms/role-understanding/measures/9.9.9.csv", "/admin/forms/role-understanding/everything.csv",
                "/admin/forms/role-understanding/measures/2.2.1.a",
            ] {
                let page = try await lead.get(path)
                #expect(page.status == .notFound, "\(path)")
            }
        }
    }

    @Test func freeTextThatLooksLikeAFormulaIsNeutralised() async throws {
        let configuration = testConfiguration(forms: Repository.surreyForms)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        try await seedRoleSurveys([("surrey-police", "good", "=HYPERLINK(\"http://x\")")], at: june2025, in: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let csv = try await lead.get("/admin/forms/role-understanding/responses.csv")
            #expect(csv.body.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","))
            #expect(!csv.body.contains(",=HYPERLINK"))
        }
    }

    /// HEAD says what a download is (type, file name) without building it, and is not recorded as a download.
    @Test func headDescribesADownloadWithoutRecordingOne() async throws {
        let configuration = testConfiguration(forms: Repository.surreyForms)
        try await addAccount("admin@example.org", role: .admin, to: configuration)
        try await seedRoleSurveys([("surrey-police", "good", "Analyst")], at: june2025, in: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var admin = TestBrowser(client)
            try await admin.signIn("admin@example.org")
            for path in ["/admin/forms/role-understanding/responses.csv", "/admin/forms/role-understanding/measures/2.2.1.a.xlsx"] {
                let head = try await admin.send(path, method: .head, body: nil)
                #expect(head.status == .ok)
                #expect(head.header("Content-Disposition")?.hasPrefix("attachment; filename=\"role-understanding") == true)
                #expect(head.body.isEmpty)
            }
        }
        let events = try await AppDatabase(directory: configuration.dataDirectory).audit.auditEvents(limit: 10)
        #expect(!events.contains { $0.action.hasPrefix("download.") }, "\(events.map(\.action))")
    }

    @Test func everyDownloadIsAuditedWithItsRowCount() async throws {
        let configuration = testConfiguration(forms: Repository.surreyForms)
        try await addAccount("admin@example.org", role: .admin, to: configuration)
        try await seedRoleSurveys(Array(repeating: ("surrey-police", "good", "Analyst"), count: 3), at: june2025, in: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var admin = TestBrowser(client)
            try await admin.signIn("admin@example.org")
            try await admin.get("/admin/forms/role-understanding/responses.csv")
            try await admin.get("/admin/forms/role-understanding/measures/2.2.1.a.xlsx")
        }
        let events = try await AppDatabase(directory: configuration.dataDirectory).audit.auditEvents(limit: 10)
        let responses = try #require(events.first { $0.action == "download.responses.csv" })
        #expect(responses.actor == "admin@example.org")
        #expect(responses.subject == "role-understanding")
        #expect(responses.rowCount == 3)
        let measure = try #require(events.first { $0.action == "download.measure.xlsx" })
        #expect(measure.subject == "role-understanding 2.2.1.a")
        // One quarter: overall, one organisation type, one organisation, nine questions.
        #expect(measure.rowCount == 12)
    }

    @Test func theDashboardShowsTheSameFiguresAsTheDownload() async throws {
        let configuration = testConfiguration(forms: Repository.surreyForms)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        // 2025/26 Q1: police good ×2, fire "some" ×1, a don't-know: 18 met of 27 counted = 66.7%.
        try await seedRoleSurveys(
            [
                ("surrey-police", "good", "A"), ("surrey-police", "full", "B"), ("surrey-fire-and-rescue", "some", "C"),
                ("surrey-police", "dont-know", "D"),
            ],
            at: june2025, in: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let csv = try await lead.get("/admin/forms/role-understanding/measures/2.2.1.a.csv")
            #expect(csv.body.contains("2025/26 Q1,Overall,All ratings,18,27,66.7,"))
            let dashboard = try await lead.get("/admin")
            #expect(dashboard.text.contains("2025/26 Q1 18 27 66.7%"))
            #expect(dashboard.body.contains("<desc id=\"chart-role-understanding-2-2-1-a-desc\">2025/26 Q1: 66.7%</desc>"))
        }
    }
}
