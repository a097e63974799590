import Foundation
import Hummingbird
import HummingbirdTesting
import SVFormsStore
import SVFormsWeb
import Testing

/// Stores role-survey responses straight into the database of `configuration`.
/// Each response gives every one of the nine aspects the same rating.
func seedRoleSurveys(_ ratings: [(organisation: String, rating: String, jobRole: String)], at date: Date, in configuration: AppConfiguration) async throws {
    let database = try AppDatabase(directory: configuration.dataDirectory)
    let aspects = [
        "duty", "governance", "strategy-priorities", "data-sharing", "needs-assessment", "interventions",
        "public-health-approach", "trauma-informed-practice", "community-engagement",
    ]
    for response in ratings {
        var answers: [String: [String]] = ["organisation": [response.organisation], "job-role": [response.jobRole]]
        for aspect in aspects { answers[aspect] = [response.rating] }
        _ = try await database.submit(respondentKey: nil, formID: "role-understanding", formVersion: 1, answers: answers, at: date)
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
            #expect(csv.body.contains(",1,2025-06-15T16:06:40+01:00,2025/26 Q1,Surrey Police,Specified authorities,Surrey Police,Analyst,Good understanding,"))
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
        let events = try await AppDatabase(directory: configuration.dataDirectory).auditEvents(limit: 10)
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
            [("surrey-police", "good", "A"), ("surrey-police", "full", "B"), ("surrey-fire-and-rescue", "some", "C"), ("surrey-police", "dont-know", "D")],
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

@Suite struct DashboardRouteTests {
    @Test func responsesAreCountedByQuarterAndStatus() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_750_000_000))  // 15 June 2025: 2025/26 Q1
        var configuration = testConfiguration(forms: Repository.surreyForms)
        configuration.now = { clock.now }
        try await addAccount("viewer@example.org", role: .viewer, to: configuration)
        try await seedRoleSurveys([("surrey-police", "good", "A"), ("surrey-police", "some", "B")], at: clock.now, in: configuration)
        clock.advance(by: 110 * 86_400)  // 3 October: 2025/26 Q3, with Q2 empty
        try await AppDatabase(directory: configuration.dataDirectory)
            .updateDraft(respondentKey: Data(repeating: 4, count: 32), formID: "role-understanding", formVersion: 1, at: clock.now) { $0 }
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var viewer = TestBrowser(client)
            try await viewer.signIn("viewer@example.org")
            let dashboard = try await viewer.get("/admin")
            #expect(dashboard.text.contains("2025/26 Q1 2 0 2025/26 Q2 0 0 2025/26 Q3 0 1"))
            // Q1: 9 good of 18 counted = 50.0%; Q2 and Q3 have no ratings.
            #expect(dashboard.text.contains("2025/26 Q1 9 18 50.0%"))
            #expect(dashboard.body.contains("<desc id=\"chart-role-understanding-2-2-1-a-desc\">2025/26 Q1: 50.0%; 2025/26 Q2: no ratings; 2025/26 Q3: no ratings</desc>"))
            // The breakdowns show the latest quarter with ratings unless another is chosen.
            #expect(dashboard.text.contains("Measure 2.2.1.a by organisation, 2025/26 Q1"))
            #expect(dashboard.body.contains("<option value=\"2025/26 Q1\" selected>"))
            let chosen = try await viewer.get("/admin?quarter=2025%2F26%20Q3")
            #expect(chosen.text.contains("Measure 2.2.1.a by organisation type, 2025/26 Q3"))
            #expect(chosen.body.contains("<option value=\"2025/26 Q3\" selected>"))
        }
    }
}

@Suite struct ResponseColumnsRouteTests {
    @Test func answersToQuestionsAnEarlierVersionAskedAreKept() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let database = try AppDatabase(directory: configuration.dataDirectory)
        let june = Date(timeIntervalSince1970: 1_750_000_000)
        _ = try await database.submit(
            respondentKey: nil, formID: "every-type", formVersion: 2,
            answers: ["organisation": ["test-police"], "old-question": ["kept, not lost"], "safe": ["agree"]], at: june)
        _ = try await database.submit(
            respondentKey: nil, formID: "every-type", formVersion: 3, answers: ["organisation": ["test-schools"], "count": ["-3"]], at: june)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let csv = try await lead.get("/admin/forms/every-type/responses.csv").body
            let lines = csv.dropFirst().split(separator: "\r\n").map(String.init)
            #expect(lines[0].contains(",old-question (earlier version),9.9.9.z ratings counted,9.9.9.z ratings met"))
            #expect(lines[1].contains(",\"kept, not lost\",1,1"))
            #expect(lines[1].contains(",2,2025-06-15T16:06:40+01:00,2025/26 Q1,Testshire Police,Specified authorities,"))
            // A whole number answer is a number, negative or not: never neutralised like text.
            #expect(lines[2].contains(",-3,"))
            #expect(lines[2].contains(",Testshire Schools,Relevant authorities,"))
        }
    }
}
