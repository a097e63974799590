import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SVFormsStore
import Testing

@testable import SVFormsWeb

/// What a lead does with a round once it runs: one person's page (send again, remind, correct, show the
/// link), reminders at most once a day, closing early and reopening, and the people list for chasing.
@Suite struct RoundManagementRouteTests {
    /// Every personal link mailed to `address` so far, waiting for at least `count`.
    func links(to address: String, in configuration: AppConfiguration, atLeast count: Int) async throws -> Set<String> {
        let mail = try await deliveredMail(in: configuration, atLeast: count) { $0.to == address && $0.body.contains("/i/") }
        return Set(mail.compactMap { $0.body.firstMatch(of: /http:\/\/127\.0\.0\.1:8080(\/i\/[A-Za-z0-9_-]{43})/).map { String($0.1) } })
    }

    /// The round's only person's page.
    func personPage(_ lead: inout TestBrowser, round: String) async throws -> String {
        let page = try await lead.get(round)
        return String(try #require(page.body.firstMatch(of: /href="(\/admin\/rounds\/\d+\/people\/\d+)"/)).1)
    }

    @Test func aPersonCanBeSentAgainCorrectedAndGivenTheirLinkAndOldLinksEnd() async throws {
        let (configuration, app) = try await roundServer()
        try await app.test(.router) { client in
            var (lead, round) = try await leadWithRound(client, people: "Ada Police,ada@police.example,surrey-police")
            try await lead.post(round + "/invitations")
            let first = try #require(try await links(to: "ada@police.example", in: configuration, atLeast: 1).first)
            var ada = TestBrowser(client)
            #expect(try await ada.get(first).status == .ok)

            let person = try await personPage(&lead, round: round)
            let page = try await lead.get(person)
            #expect(page.text.contains("Invitation sent") && page.text.contains("Reminders None yet"))
            let sentAgain = try await lead.post(person + "/invitation")
            #expect(sentAgain.location == person + "?notice=invited")
            let second = try #require(try await links(to: "ada@police.example", in: configuration, atLeast: 2).subtracting([first]).first)
            #expect(try await ada.get(first).status == .notFound, "sending again ends the old link")
            #expect(try await ada.get(second).status == .ok)

            try await lead.get(person)
            let badEmail = try await lead.post(person, [("name", "Ada Jones"), ("email", "not an address"), ("organisation", "surrey-police")])
            #expect(badEmail.status == .unprocessableContent)
            #expect(badEmail.text.contains("is not an email address in the correct format") && badEmail.body.contains("value=\"Ada Jones\""))
            let noOrganisation = try await lead.post(person, [("name", "Ada Jones"), ("email", "ada@police.example"), ("organisation", "")])
            #expect(noOrganisation.text.contains("Select the organisation they answer for"))
            let corrected = try await lead.post(
                person, [("name", "Ada Jones"), ("email", "ada.jones@police.example"), ("organisation", "surrey-police")])
            #expect(corrected.location == person + "?notice=corrected-sent")
            let third = try #require(try await links(to: "ada.jones@police.example", in: configuration, atLeast: 1).first)
            #expect(try await ada.get(second).status == .notFound, "a corrected address ends the links sent to the old one")
            #expect(try await ada.get(third).status == .ok)

            try await lead.get(person)
            let shown = try await lead.post(person + "/link")
            let link = try #require(shown.body.firstMatch(of: /value="http:\/\/127\.0\.0\.1:8080(\/i\/[A-Za-z0-9_-]{43})"/)).1
            #expect(try await ada.get(String(link)).status == .ok)
            #expect(try await ada.get(third).status == .ok, "showing a link ends no other")
            #expect(try await lead.get(person).body.contains(String(link)) == false, "the link is shown once")
        }
        let actions = try await AppDatabase(directory: configuration.dataDirectory).audit.auditEvents(limit: 20, offset: 0).map(\.action)
        #expect(actions.contains("round.invite-person-again") && actions.contains("round.correct-person") && actions.contains("round.show-link"))
    }

    @Test func aPersonIsRemindedAtMostOnceADayAndTheListSaysHowOften() async throws {
        let (configuration, app) = try await roundServer()
        try await app.test(.router) { client in
            var (lead, round) = try await leadWithRound(client, people: twoRepresentatives)
            try await lead.post(round + "/invitations")
            let person = try await personPage(&lead, round: round)
            try await lead.get(person)
            let reminded = try await lead.post(person + "/reminder")
            #expect(reminded.location == person + "?notice=reminded")
            let again = try await lead.post(person + "/reminder")
            #expect(again.location == person + "?notice=reminded-recently")
            let page = try await lead.get(person)
            #expect(page.text.contains("1 reminder, the last on 15 Jun 2025"))
            // The round's button skips her and reminds the other.
            let all = try await lead.post(round + "/reminders")
            #expect(all.text.contains("Reminders queued for 1 person."))
            #expect(all.text.contains("1 person was not reminded again, as they were reminded in the last 24 hours: Ada Police"))
            let csv = try await lead.get(round + "/downloads/people.csv")
            #expect(csv.status == .ok)
            #expect(csv.body.contains("Ada Police,ada@police.example,Surrey Police,Reminded,"))
            #expect(csv.body.contains("Name,Email,Organisation,Status,Invited at,Reminders,Last reminded at,Submitted at,Reference"))
            #expect(csv.body.split(separator: "\r\n").dropFirst().allSatisfy { $0.contains(",1,") }, "each was reminded once")
            #expect(try await lead.get(round + "/downloads/people.xlsx").status == .ok)
            #expect(try await lead.get(round + "/downloads/other.csv").status == .notFound)
        }
        let reminders = try await sideDoor(configuration).read {
            try String.fetchAll($0, sql: "SELECT recipient FROM outbox WHERE kind = 'reminder' ORDER BY recipient")
        }
        #expect(reminders == ["ada@police.example", "bo@fire.example"])
    }

    @Test func aRoundClosedEarlyStopsItsLinksUntilItIsGivenANewClosingDate() async throws {
        let (configuration, app) = try await roundServer()
        try await app.test(.router) { client in
            var (lead, round) = try await leadWithRound(client, people: "Ada Police,ada@police.example,surrey-police")
            try await lead.post(round + "/invitations")
            let link = try #require(try await links(to: "ada@police.example", in: configuration, atLeast: 1).first)
            var ada = TestBrowser(client)

            let asked = try await lead.post(round + "/close")
            #expect(asked.status == .ok && asked.text.contains("Are you sure you want to close 2025/26 Q1 now?"))
            #expect(asked.text.contains("1 person in the round have not submitted"))
            #expect(try await ada.get(link).status == .ok, "asking closes nothing")
            let closed = try await lead.post(round + "/close", [("confirm", "yes")])
            #expect(closed.location == round + "?notice=closed")
            #expect(try await ada.get(link).status == .gone)
            let page = try await lead.get(round + "?notice=closed")
            #expect(page.text.contains("Closed") && page.text.contains("Reopen until this date"))
            #expect(try await lead.post(round + "/invitations").location == round + "?closed")

            let past = try await lead.post(round + "/closing-date", [("closes-on-day", "1"), ("closes-on-month", "6"), ("closes-on-year", "2025")])
            #expect(past.status == .unprocessableContent)
            let beforeOpening = try await lead.post(
                round + "/closing-date", [("closes-on-day", "31"), ("closes-on-month", "5"), ("closes-on-year", "2025")])
            #expect(beforeOpening.status == .unprocessableContent)
            let reopened = try await lead.post(
                round + "/closing-date", [("closes-on-day", "20"), ("closes-on-month", "7"), ("closes-on-year", "2025")])
            #expect(reopened.location == round + "?notice=extended")
            #expect(try await ada.get(link).status == .ok)
            #expect(try await lead.get(round).text.contains("1 June 2025 to 20 July 2025"))
        }
    }
}
