import Foundation
import GRDB
import HummingbirdTesting
import SVFormsStore
import Testing

@testable import SVFormsWeb

/// Measure 2.2.1.a counts invited people only. With the role survey's public link on, anyone can answer
/// it: such a response is screened like a voice and counts in no figure until a lead accepts it, and
/// every figure says how many it leaves out.
@Suite struct LinkResponseRouteTests {
    static let ratingPages = [
        ("duty-and-partnership", ["duty", "governance", "strategy-priorities"]),
        ("data-and-evidence", ["data-sharing", "needs-assessment", "interventions"]),
        ("ways-of-working", ["public-health-approach", "trauma-informed-practice", "community-engagement"]),
    ]

    /// Answers the role survey through its public link, every aspect `rating`, `secondsPerPage` apart.
    static func answerByLink(_ browser: inout TestBrowser, rating: String, clock: TestClock, secondsPerPage: TimeInterval) async throws {
        let pages: [(String, [(String, String)])] =
            [("organisation", [("organisation", "surrey-police")]), ("job-role", [])]
            + ratingPages.map { page, aspects in (page, aspects.map { ($0, rating) }) } + [("comments", [])]
        for (page, fields) in pages {
            try await browser.get("/f/role-understanding/\(page)")
            clock.advance(by: secondsPerPage)
            let answered = try await browser.post("/f/role-understanding/\(page)", fields)
            #expect(answered.status == .seeOther && answered.location != "/f/role-understanding/\(page)", "\(page): \(answered.text)")
        }
        try await browser.get("/f/role-understanding/check")
        #expect(try await browser.post("/f/role-understanding/submit").location == "/f/role-understanding/confirmation")
    }

    static func overallRow(_ csv: String) -> [String] {
        csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .first { $0.count > 2 && $0[1] == "Overall" } ?? []
    }

    @Test func aResponseThroughThePublicLinkCountsOnlyOnceALeadAcceptsIt() async throws {
        let clock = TestClock()
        var configuration = testConfiguration(forms: try Repository.surreyFormsWithPublicRoleSurvey())
        configuration.now = { clock.now }
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        try await addAccount("viewer@example.org", role: .viewer, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var anyone = TestBrowser(client)
            try await Self.answerByLink(&anyone, rating: "none", clock: clock, secondsPerPage: 0.1)
            let reference = try #require(anyone.cookies["svf_receipt"]?.split(separator: ":").last.map(String.init))

            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let before = try await lead.get("/admin/forms/role-understanding/measures/2.2.1.a.csv")
            let overall = Self.overallRow(before.body)
            #expect(overall[3...4] == ["0", "0"], "no rating counted: \(overall)")
            #expect(overall.last == "1", "the download says one response was left out")
            let dashboard = try await lead.get("/admin")
            #expect(dashboard.text.contains("1 response came through the public link rather than an invitation. It is left out"))
            #expect(dashboard.body.contains("href=\"/admin/link-responses\""))

            let review = try await lead.get("/admin/link-responses")
            #expect(review.status == .ok)
            #expect(review.text.contains("Response \(reference)"))
            #expect(review.text.contains("Our checks suggest a program sent this: it was sent faster than a person could answer."))
            // Deleting asks first.
            let unconfirmed = try await lead.post("/admin/link-responses/role-understanding/\(reference)/delete")
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(unconfirmed.title?.hasPrefix("Error: ") == true)
            #expect(unconfirmed.body.contains("href=\"#confirm-\(reference)\""))
            let accepted = try await lead.post("/admin/link-responses/role-understanding/\(reference)/accept")
            #expect(accepted.location == "/admin/link-responses?done=accepted&reference=\(reference)")
            #expect(try await lead.post("/admin/link-responses/role-understanding/\(reference)/accept").status == .notFound)

            let after = Self.overallRow(try await lead.get("/admin/forms/role-understanding/measures/2.2.1.a.csv").body)
            #expect(after[3...4] == ["0", "9"] && after.last == "0", "\(after)")
            #expect(!(try await lead.get("/admin").text.contains("came through the public link")))

            var viewer = TestBrowser(client)
            try await viewer.signIn("viewer@example.org")
            #expect(try await viewer.get("/admin/link-responses").status == .forbidden)
        }
        let audit = try await AppDatabase(directory: configuration.dataDirectory).audit.auditEvents(limit: 20)
        #expect(audit.contains { $0.action == "link-response.accept" && $0.actor == "lead@example.org" })
    }

    @Test func aDeletedResponseIsGoneAndInvitedAnswersNeverWait() async throws {
        let clock = TestClock()
        var configuration = testConfiguration(forms: try Repository.surreyFormsWithPublicRoleSurvey())
        configuration.now = { clock.now }
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var anyone = TestBrowser(client)
            try await Self.answerByLink(&anyone, rating: "good", clock: clock, secondsPerPage: 3)
            let reference = try #require(anyone.cookies["svf_receipt"]?.split(separator: ":").last.map(String.init))
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let review = try await lead.get("/admin/link-responses")
            #expect(!review.text.contains("Our checks suggest"), "sent at a person's pace")
            let deleted = try await lead.post("/admin/link-responses/role-understanding/\(reference)/delete", [("confirm", "yes")])
            #expect(deleted.location == "/admin/link-responses?done=deleted&reference=\(reference)")
            #expect(try await lead.get(deleted.location ?? "").text.contains("Response \(reference) was deleted."))
        }
        let counts = try withDatabase(configuration) { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM response"), try Int.fetchOne(db, sql: "SELECT count(*) FROM link_response"))
        }
        #expect(counts.0 == 0 && counts.1 == 0)
    }

    @Test func theShippedRoleSurveyHasNoPublicLink() async throws {
        let app = try await buildApplication(testConfiguration(forms: Repository.surreyForms))
        try await app.test(.router) { client in
            var anyone = TestBrowser(client)
            let start = try await anyone.get("/f/role-understanding")
            let page = try await anyone.get("/f/role-understanding/organisation")
            #expect(start.status == .notFound && page.status == .notFound)
        }
    }
}
