import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SVFormsCore
import SVFormsStore
import Testing

@testable import SVFormsWeb

/// Answers the Surrey role survey through `base` (an invitation link), every aspect `rating`.
func answerRoleSurvey(_ browser: inout TestBrowser, base: String, organisation: String = "surrey-police", rating: String = "good") async throws {
    let pages: [(String, [(String, String)])] = [
        ("organisation", [("organisation", organisation)]),
        ("job-role", [("job-role", "Analyst")]),
        ("duty-and-partnership", [("duty", rating), ("governance", rating), ("strategy-priorities", rating)]),
        ("data-and-evidence", [("data-sharing", rating), ("needs-assessment", rating), ("interventions", rating)]),
        ("ways-of-working", [("public-health-approach", rating), ("trauma-informed-practice", rating), ("community-engagement", rating)]),
        ("comments", []),
    ]
    for (page, fields) in pages {
        try await browser.get("\(base)/\(page)")
        let answered = try await browser.post("\(base)/\(page)", fields)
        #expect(answered.status == .seeOther, "\(page)")
    }
}

@Suite struct InvitationRouteTests {
    /// A round of the Surrey role survey open on the test clock's day, with two people invited.
    private func invitedRound() async throws -> (AppConfiguration, [String: String], String) {
        let (configuration, app) = try await roundServer()
        return try await app.test(.router) { client in
            var (lead, round) = try await leadWithRound(client, people: twoRepresentatives)
            let sent = try await lead.post(round + "/invitations")
            #expect(sent.location == round + "?notice=invited-2")
            try await lead.get(round)
            let again = try await lead.post(round + "/invitations")
            #expect(again.location == round + "?notice=invited-0")
            // Read from the delivered emails while the mail worker runs.
            return (configuration, try await invitationLinks(in: configuration, count: 2), round)
        }
    }

    @Test func invitationsAreQueuedOncePerPersonWithTheirOwnLink() async throws {
        let (configuration, links, _) = try await invitedRound()
        #expect(Set(links.keys) == ["ada@police.example", "bo@fire.example"])
        #expect(Set(links.values).count == 2)
        let database = try sideDoor(configuration)
        let hashes = try await database.read { try Data.fetchAll($0, sql: "SELECT token_hash FROM invitation_token") }
        #expect(Set(hashes) == Set(links.values.map { RandomToken.hash(String($0.dropFirst("/i/".count))) }))
        // Once sent, an email's content (with its link) is dropped from the outbox: only the hash remains.
        let kept = try await database.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox WHERE status = 'sent' AND length(message) > 0")
        }
        #expect(kept == 0)
        let sent = try await database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox WHERE status = 'sent'") }
        #expect(sent == 2)
    }

    @Test func theLinkKeepsAnswersAcrossSittingsAndShowsTheConfirmationAfterwards() async throws {
        let (configuration, links, round) = try await invitedRound()
        let link = try #require(links["ada@police.example"])
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            // First sitting: the start page and one answer.
            var first = TestBrowser(client)
            let start = try await first.get(link)
            #expect(start.status == .ok)
            #expect(start.header("Referrer-Policy") == "no-referrer")
            try await first.get(link + "/organisation")
            try await first.post(link + "/organisation", [("organisation", "surrey-police")])
            // Second sitting, another browser with no cookies: the same link finds the answer.
            var second = TestBrowser(client)
            let resumed = try await second.get(link)
            #expect(resumed.text.contains("Continue where you left off"))
            let page = try await second.get(link + "/organisation")
            #expect(page.body.contains("value=\"surrey-police\" checked"))
            try await answerRoleSurvey(&second, base: link)
            try await second.get(link + "/check")
            let submitted = try await second.post(link + "/submit")
            #expect(submitted.location == link + "/confirmation")
            let confirmation = try await second.get(link + "/confirmation")
            let reference = try #require(confirmation.body.between("<strong class=\"reference\">", "</strong>"))
            // Afterwards the link only shows the confirmation.
            let later = try await first.get(link)
            #expect(later.text.contains(reference))
            let pageLater = try await first.get(link + "/organisation")
            #expect(pageLater.location == link + "/confirmation")

            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let roundPage = try await lead.get(round)
            #expect(roundPage.text.contains("Ada Police ada@police.example Surrey Police Submitted"))
            #expect(roundPage.text.contains("Specified authorities 2 2 1 1 50.0%"))
        }
    }

    @Test func unknownLinksAre404AndGuessingIsThrottledButRealLinksStillOpen() async throws {
        let (configuration, links, _) = try await invitedRound()
        let link = try #require(links["ada@police.example"])
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            // Everyone here shares one address (the test client), as people behind one office network do.
            var guesser = TestBrowser(client)
            for index in 0..<20 {
                let guess = try await guesser.get("/i/" + String(repeating: "A", count: 42) + String(index % 10))
                #expect(guess.status == .notFound)
            }
            let blocked = try await guesser.get("/i/" + String(repeating: "B", count: 43))
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("too many unsuccessful attempts from your connection"))
            #expect(!blocked.text.contains("signing in"))
            var ada = TestBrowser(client)
            let opened = try await ada.get(link)
            #expect(opened.status == .ok)
        }
    }

    @Test func theInvitedPersonsOrganisationIsOfferedAsTheirAnswer() async throws {
        let (configuration, links, _) = try await invitedRound()
        let link = try #require(links["bo@fire.example"])
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var bo = TestBrowser(client)
            try await bo.get(link)
            let page = try await bo.get(link + "/organisation")
            #expect(page.body.contains("value=\"surrey-fire-and-rescue\" checked"))
            #expect(!page.body.contains("value=\"surrey-police\" checked"))
            // Choosing another one is kept.
            try await bo.post(link + "/organisation", [("organisation", "surrey-police")])
            let again = try await bo.get(link + "/organisation")
            #expect(again.body.contains("value=\"surrey-police\" checked"))
            #expect(!again.body.contains("value=\"surrey-fire-and-rescue\" checked"))
        }
    }

    @Test func closedAndNotYetOpenRoundsSaySoPlainly() async throws {
        let (configuration, links, _) = try await invitedRound()
        let link = try #require(links["bo@fire.example"])
        for (seconds, status, words) in [
            (30.0 * 86_400, HTTPResponse.Status.gone, "This survey has closed"),  // 15 July: after 30 June
            (-30.0 * 86_400, .forbidden, "This survey is not open yet"),  // 16 May: before 1 June
        ] {
            var shifted = configuration
            shifted.now = { Date(timeIntervalSince1970: 1_750_000_000 + seconds) }
            let app = try await buildApplication(shifted)
            try await app.test(.router) { client in
                var browser = TestBrowser(client)
                let page = try await browser.get(link)
                #expect(page.status == status)
                #expect(page.text.contains(words))
            }
        }
    }

    @Test func remindersGoOnlyToThoseWhoHaveNotSubmitted() async throws {
        let (configuration, links, round) = try await invitedRound()
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var ada = TestBrowser(client)
            let link = try #require(links["ada@police.example"])
            try await answerRoleSurvey(&ada, base: link)
            try await ada.get(link + "/check")
            try await ada.post(link + "/submit")
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            try await lead.get(round)
            let reminded = try await lead.post(round + "/reminders")
            #expect(reminded.text.contains("Reminders queued for 1 person."))
            // Pressed again at once: nobody is reminded twice in a day, and the page says who was left out.
            let again = try await lead.post(round + "/reminders")
            #expect(again.text.contains("Reminders queued for 0 people."))
            #expect(again.text.contains("1 person was not reminded again, as they were reminded in the last 24 hours: Bo Fire"))
        }
        let database = try sideDoor(configuration)
        let reminders = try await database.read { try String.fetchAll($0, sql: "SELECT recipient FROM outbox WHERE kind = 'reminder'") }
        #expect(reminders == ["bo@fire.example"])
    }

    @Test func leadsWhoAskedAreToldOfEachSubmissionWithoutTheAnswers() async throws {
        let (configuration, links, _) = try await invitedRound()
        let database = try AppDatabase(directory: configuration.dataDirectory)
        let lead = try #require(try await database.accounts.accounts().first)
        try await database.accounts.setNotifications(accountID: lead.id, submissions: true, digest: false)
        let app = try await buildApplication(configuration)
        let notices = try await app.test(.router) { client in
            var bo = TestBrowser(client)
            let link = try #require(links["bo@fire.example"])
            try await answerRoleSurvey(&bo, base: link, organisation: "surrey-fire-and-rescue")
            try await bo.get(link + "/check")
            try await bo.post(link + "/submit")
            return try await deliveredMail(in: configuration, atLeast: 1) { $0.subject.hasPrefix("Submitted:") }
        }
        #expect(notices.count == 1)
        let notice = try #require(notices.first)
        #expect(notice.to == "lead@example.org")
        #expect(notice.subject.contains("Surrey Fire and Rescue Service"))
        #expect(!notice.body.contains("Good understanding"))
        #expect(!notice.body.contains("Analyst"))
    }
}
