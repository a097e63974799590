import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SVFormsStore
@testable import SVFormsWeb
import Testing

/// Opens a round of the role survey through the pages, as a lead would; returns its page path.
func openRound(_ lead: inout TestBrowser, opens: String = "1 6 2025", closes: String = "30 6 2025") async throws -> String {
    try await lead.get("/admin/rounds/new")
    let day = opens.split(separator: " "), close = closes.split(separator: " ")
    let created = try await lead.post("/admin/rounds", [
        ("form", "role-understanding"), ("name", "2025/26 Q1"),
        ("opens-on-day", String(day[0])), ("opens-on-month", String(day[1])), ("opens-on-year", String(day[2])),
        ("closes-on-day", String(close[0])), ("closes-on-month", String(close[1])), ("closes-on-year", String(close[2])),
    ])
    return try #require(created.location)
}

/// The personal links queued in the outbox of `configuration`, by recipient.
func invitationLinks(in configuration: AppConfiguration) async throws -> [String: String] {
    let database = try DatabaseQueue(path: configuration.dataDirectory + "/svforms.sqlite")
    let rows = try await database.read { db in
        try Row.fetchAll(db, sql: "SELECT recipient, message FROM outbox WHERE kind IN ('invitation', 'reminder') ORDER BY id")
            .map { ($0["recipient"] as String, $0["message"] as Data) }
    }
    var links: [String: String] = [:]
    for (recipient, payload) in rows {
        let text = try OutboxPayload.decode(payload).text
        let match = try #require(text.firstMatch(of: /http:\/\/127\.0\.0\.1:8080(\/i\/[A-Za-z0-9_-]{43})/))
        links[recipient] = String(match.1)
    }
    return links
}

@Suite struct RoundRouteTests {
    @Test func aLeadOpensARoundAndTheFormIsChecked() async throws {
        let configuration = testConfiguration(forms: Repository.surreyForms)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let form = try await lead.get("/admin/rounds/new")
            #expect(form.body.contains("value=\"2025/26 Q1\""))  // the current quarter, by default
            let backwards = try await lead.post("/admin/rounds", [
                ("form", "role-understanding"), ("name", "Backwards"),
                ("opens-on-day", "30"), ("opens-on-month", "6"), ("opens-on-year", "2025"),
                ("closes-on-day", "20"), ("closes-on-month", "6"), ("closes-on-year", "2025"),
            ])
            #expect(backwards.status == .unprocessableContent)
            #expect(backwards.text.contains("The closing day must be on or after the opening day"))
            let path = try await openRound(&lead)
            #expect(path.hasPrefix("/admin/rounds/"))
            let list = try await lead.get("/admin/rounds")
            #expect(list.text.contains("2025/26 Q1"))
        }
    }

    @Test func peopleAreAddedOneByOneOrFromCSVAllOrNothing() async throws {
        let configuration = testConfiguration(forms: Repository.surreyForms)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let round = try await openRound(&lead)
            try await lead.get(round)
            let added = try await lead.post(round + "/people", [("name", "Ada Police"), ("email", "ada@police.example"), ("organisation", "surrey-police")])
            #expect(added.location == round + "?notice=added-1")
            let again = try await lead.post(round + "/people", [("name", "Ada Again"), ("email", "ADA@police.example"), ("organisation", "surrey-police")])
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("ADA@police.example is already in this round; nobody was added"))

            let bad = """
                name,email,organisation
                Bo Fire,bo@fire.example,Surrey Fire and Rescue Service
                No Email,not-an-email,surrey-police
                Cy Council,cy@council.example,Nowhere Council
                Bo Twice,bo@fire.example,surrey-police
                "Di, Probation",di@probation.example,surrey-probation
                """
            let refused = try await lead.post(round + "/import", [("csv", bad)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Line 3: &quot;not-an-email&quot; is not an email address"))
            #expect(refused.body.contains("Line 4: &quot;Nowhere Council&quot; is not one of the partnership&#39;s organisations"))
            #expect(refused.text.contains("Line 5: bo@fire.example is already on line 2"))
            #expect(!refused.text.contains("Line 6"))
            let page = try await lead.get(round)
            #expect(!page.text.contains("Bo Fire"))  // nothing half-imported

            let good = "Bo Fire,bo@fire.example,Surrey Fire and Rescue Service\r\n\"Di, Probation\",di@probation.example,surrey-probation\r\n"
            let imported = try await lead.post(round + "/import", [("csv", good)])
            #expect(imported.location == round + "?notice=imported-2")
            let after = try await lead.get(round + "?notice=imported-2")
            #expect(after.text.contains("2 people added to the round."))
            #expect(after.text.contains("Di, Probation di@probation.example Surrey Probation Service Not invited yet"))
        }
    }

    @Test func aListCanBeUploadedAsAFile() async throws {
        let configuration = testConfiguration(forms: Repository.surreyForms)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let round = try await openRound(&lead)
            let page = try await lead.get(round)
            let token = try #require(page.csrfToken)
            let boundary = "svformsBoundary42"
            let body = [
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n",
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"csv\"\r\n\r\n\r\n",
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\nContent-Type: text/csv\r\n\r\n",
                "name,email,organisation\r\nEd Police,ed@police.example,surrey-police\r\n\r\n",
                "--\(boundary)--\r\n",
            ].joined()
            let uploaded = try await lead.send(
                round + "/import", method: .post, body: body, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"])
            #expect(uploaded.location == round + "?notice=imported-1")
        }
    }
}
