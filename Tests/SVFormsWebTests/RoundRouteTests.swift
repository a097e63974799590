import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SVFormsStore
import Testing

@testable import SVFormsWeb

/// Opens a round of the role survey through the pages, as a lead would; returns its page path.
func openRound(_ lead: inout TestBrowser, opens: String = "1 6 2025", closes: String = "30 6 2025") async throws -> String {
    try await lead.get("/admin/rounds/new")
    let day = opens.split(separator: " ")
    let close = closes.split(separator: " ")
    let created = try await lead.post(
        "/admin/rounds",
        [
            ("form", "role-understanding"), ("name", "2025/26 Q1"),
            ("opens-on-day", String(day[0])), ("opens-on-month", String(day[1])), ("opens-on-year", String(day[2])),
            ("closes-on-day", String(close[0])), ("closes-on-month", String(close[1])), ("closes-on-year", String(close[2])),
        ])
    return try #require(created.location)
}

/// Two people of different organisation types, as CSV.
let twoRepresentatives = "Ada Police,ada@police.example,surrey-police\nBo Fire,bo@fire.example,surrey-fire-and-rescue"

/// A server for the Surrey forms with a lead (and these other accounts), for round tests.
func roundServer(
    also accounts: [(String, Role)] = [], forms: String = Repository.surreyForms
) async throws -> (AppConfiguration, some ApplicationProtocol) {
    let configuration = testConfiguration(forms: forms)
    for (email, role) in [("lead@example.org", Role.lead)] + accounts { try await addAccount(email, role: role, to: configuration) }
    return (configuration, try await buildApplication(configuration))
}

/// The lead signed in, with a new round holding the people in `csv` (if any): the lead's browser and the round's path.
func leadWithRound(
    _ client: any TestClientProtocol, people csv: String? = nil, opens: String = "1 6 2025",
    closes: String = "30 6 2025"
) async throws -> (TestBrowser, String) {
    var lead = TestBrowser(client)
    try await lead.signIn("lead@example.org")
    let round = try await openRound(&lead, opens: opens, closes: closes)
    try await lead.get(round)
    if let csv {
        let added = try await lead.post(round + "/import", [("csv", csv)])
        #expect(added.status == .seeOther, "\(added.text)")
        try await lead.get(round)
    }
    return (lead, round)
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
            let backwards = try await lead.post(
                "/admin/rounds",
                [
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
        let (_, app) = try await roundServer()
        try await app.test(.router) { client in
            var (lead, round) = try await leadWithRound(client)
            let added = try await lead.post(
                round + "/people", [("name", "Ada Police"), ("email", "ada@police.example"), ("organisation", "surrey-police")])
            #expect(added.location == round + "?notice=added-1")
            let again = try await lead.post(
                round + "/people", [("name", "Ada Again"), ("email", "ADA@police.example"), ("organisation", "surrey-police")])
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

    @Test func aListCanBeUploadedAsAFileEvenInExcelsOldCharacterSet() async throws {
        let (_, app) = try await roundServer()
        try await app.test(.router) { client in
            var (lead, round) = try await leadWithRound(client)
            let page = try await lead.get(round)
            let token = try #require(page.csrfToken)
            let boundary = "svformsBoundary42"
            // "Zoë" as Excel's "CSV (Comma delimited)" saves it on Windows: Windows-1252, ë = 0xEB.
            let file =
                Array("name;email;organisation\r\nEd Police;ed@police.example;surrey-police\r\nZo".utf8) + [0xEB]
                + Array(" Fire;zoe@fire.example;Surrey Fire and Rescue Service\r\n".utf8)
            let body =
                Array(
                    [
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n",
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"csv\"\r\n\r\n\r\n",
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\nContent-Type: text/csv\r\n\r\n",
                    ].joined().utf8) + file + Array("\r\n--\(boundary)--\r\n".utf8)
            let uploaded = try await lead.send(
                round + "/import", method: .post, bytes: body, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"])
            #expect(uploaded.location == round + "?notice=imported-2")
            let after = try await lead.get(round)
            #expect(after.text.contains("Zoë Fire zoe@fire.example Surrey Fire and Rescue Service Not invited yet"))
        }
    }

    @Test func someoneWhoHasNotSubmittedCanBeRemovedAndTheirLinkStops() async throws {
        let (configuration, app) = try await roundServer()
        try await app.test(.router) { client in
            var (lead, round) = try await leadWithRound(client, people: "Ada Police,ada@police.example,surrey-police")
            try await lead.post(round + "/invitations")
            let link = try #require(try await invitationLinks(in: configuration, count: 1)["ada@police.example"])
            var ada = TestBrowser(client)
            #expect(try await ada.get(link).status == .ok)

            let page = try await lead.get(round)
            let person = try #require(page.body.firstMatch(of: /href="(\/admin\/rounds\/\d+\/people\/\d+)"/)).1
            let personPage = try await lead.get(String(person))
            let remove = try #require(personPage.body.firstMatch(of: /action="(\/admin\/rounds\/\d+\/people\/\d+\/remove)"/)).1
            #expect(personPage.text.contains("Remove Ada Police"))
            let forged = try await lead.post(String(remove), [("confirm", "yes")], csrf: false)
            #expect(forged.status == .forbidden)
            // The first press only asks, naming what will happen; Ada is still in the round and her link still opens.
            let asked = try await lead.post(String(remove))
            #expect(asked.status == .ok)
            #expect(asked.text.contains("Are you sure you want to remove Ada Police from"))
            #expect(asked.text.contains("every link they were sent will stop working"))
            #expect(try await ada.get(link).status == .ok)
            let removed = try await lead.post(String(remove), [("confirm", "yes")])
            #expect(removed.location == round + "?notice=removed-1")
            let after = try await lead.get(round + "?notice=removed-1")
            #expect(after.text.contains("1 person removed from the round."))
            #expect(!after.text.contains("ada@police.example"))
            #expect(try await ada.get(link).status == .notFound)
            let twice = try await lead.post(String(remove), [("confirm", "yes")])
            #expect(twice.status == .notFound)
        }
    }

    @Test func sendingOutsideTheRoundsDatesSaysWhyNothingWasSent() async throws {
        let (configuration, app) = try await roundServer()
        try await app.test(.router) { client in
            // The clock says 15 June.
            var (lead, round) = try await leadWithRound(client, opens: "1 7 2025", closes: "31 7 2025")
            try await lead.post(round + "/people", [("name", "Ada Police"), ("email", "ada@police.example"), ("organisation", "surrey-police")])
            let page = try await lead.get(round)
            #expect(!page.text.contains("Send invitations"), "no button while the round is not open")
            let sent = try await lead.post(round + "/invitations")
            #expect(sent.location == round + "?closed")
            let explained = try await lead.get(round + "?closed")
            #expect(explained.body.contains("role=\"alert\""))
            #expect(explained.text.contains("The round is not open, so no emails were sent"))
        }
        #expect(try await AppDatabase(directory: configuration.dataDirectory).outbox.mailCounts().isEmpty)
    }

    @Test func viewersSeeEveryRoundsCountsButNeverItsPeople() async throws {
        let (_, app) = try await roundServer(also: [("viewer@example.org", .viewer)])
        try await app.test(.router) { client in
            var (lead, round) = try await leadWithRound(client)
            try await lead.post(round + "/people", [("name", "Ada Police"), ("email", "ada@police.example"), ("organisation", "surrey-police")])
            var viewer = TestBrowser(client)
            try await viewer.signIn("viewer@example.org")
            let list = try await viewer.get("/admin/rounds")
            #expect(list.status == .ok)
            #expect(
                list.text.contains("2025/26 Q1 Your organisation&#39;s role in the response to serious violence 1 June 2025 to 30 June 2025 1 0 0 0"))
            #expect(!list.body.contains("href=\"\(round)\""))
            #expect(!list.text.contains("Open a new round"))
            #expect(try await viewer.get(round).status == .forbidden)
            #expect(try await viewer.get("/admin/rounds/new").status == .forbidden)
        }
    }
}
