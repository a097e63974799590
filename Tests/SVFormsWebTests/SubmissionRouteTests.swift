import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SVFormsWeb
import Testing

/// Answers every page of the fixture questionnaire, as a person would.
func answerEveryPage(_ browser: inout TestBrowser, colour: String = "red", consent: Bool = false) async throws {
    var pages: [(String, [(String, String)])] = [
        ("organisation", [("organisation", "test-police")]),
        ("about", [("name", "Ada"), ("role", "")]),
        ("area", [("area", "north")]),
        ("colour", [("colour", colour)]),
    ]
    if colour == "other" { pages.append(("colour-other", [("colour-other", "Teal")])) }
    pages += [
        ("worries", [("worries", "knives"), ("worries", "gangs")]),
        ("ratings", [("safe", "agree"), ("heard", "dont-know")]),
        ("count", [("count", "3")]),
        ("when", [("when-day", "1"), ("when-month", "4"), ("when-year", "2025")]),
        ("story", [("story", "Line one\r\nLine <two>")]),
        ("consent", consent ? [("consent", "yes")] : []),
    ]
    if consent { pages.append(("email", [("email", "ada@example.org")])) }
    for (page, fields) in pages {
        try await browser.get("/f/every-type/\(page)")
        let answered = try await browser.post("/f/every-type/\(page)", fields)
        #expect(answered.status == .seeOther, "\(page): \(answered.text)")
    }
}

@Suite struct SubmissionRouteTests {
    @Test func checkAnswersListsEveryShownQuestionWithChangeLinks() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await answerEveryPage(&browser)
            let check = try await browser.get("/f/every-type/check")
            #expect(check.status == .ok)
            #expect(check.text.contains("Which organisation are you from? Testshire Police"))
            #expect(check.text.contains("What worries you? Knives Gangs"))
            #expect(check.text.contains("When did it happen? 1 April 2025"))
            #expect(check.text.contains("Your role Not answered"))
            #expect(check.body.contains("Line <two>") == false)
            #expect(check.body.contains("Line &lt;two&gt;"))
            #expect(!check.text.contains("Which other colour?"))
            #expect(check.body.contains("href=\"/f/every-type/colour?from=check\""))
        }
    }

    @Test func changingAnAnswerReturnsToCheckAnswersUnlessANewPageOpens() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await answerEveryPage(&browser)
            let changePage = try await browser.get("/f/every-type/area?from=check")
            #expect(changePage.body.contains("href=\"/f/every-type/check\" class=\"back-link\""))
            #expect(changePage.body.contains("action=\"/f/every-type/area?from=check\""))
            let changed = try await browser.post("/f/every-type/area?from=check", [("area", "east")])
            #expect(changed.location == "/f/every-type/check")

            let opened = try await browser.post("/f/every-type/colour?from=check", [("colour", "other")])
            #expect(opened.location == "/f/every-type/colour-other?from=check")
            let back = try await browser.post("/f/every-type/colour-other?from=check", [("colour-other", "Teal")])
            #expect(back.location == "/f/every-type/check")
        }
    }

    @Test func submittingStoresTheResponseAndShowsItsReference() async throws {
        let configuration = testConfiguration()
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await answerEveryPage(&browser, colour: "red")
            try await browser.get("/f/every-type/check")
            let submitted = try await browser.post("/f/every-type/submit")
            #expect(submitted.status == .seeOther)
            #expect(submitted.location == "/f/every-type/confirmation")
            let confirmation = try await browser.get("/f/every-type/confirmation")
            #expect(confirmation.status == .ok)
            let reference = try #require(confirmation.body.between("<strong class=\"reference\">", "</strong>"))
            #expect(reference.count == 8)
            #expect(confirmation.text.contains("Form submitted"))

            let database = try sideDoor(configuration)
            let stored = try await database.read { db in
                try Row.fetchOne(db, sql: "SELECT id, form_id, form_version FROM response WHERE reference = ?", arguments: [reference])
                    .map { (id: $0["id"] as Int64, form: $0["form_id"] as String, version: $0["form_version"] as Int) }
            }
            let row = try #require(stored)
            #expect(row.form == "every-type")
            #expect(row.version == 3)
            let answers = try await database.read {
                try Row.fetchAll(
                    $0, sql: "SELECT question_id, value FROM answer WHERE response_id = ? ORDER BY question_id, position", arguments: [row.id]
                )
                .map { "\($0["question_id"] as String)=\($0["value"] as String)" }
            }
            #expect(answers.contains("worries=knives"))
            #expect(answers.contains("when=2025-04-01"))
            #expect(answers.contains("story=Line one\nLine <two>"))
            #expect(!answers.contains { $0.hasPrefix("colour-other=") || $0.hasPrefix("role=") })
            let drafts = try await database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM draft") }
            #expect(drafts == 0)

            // Pressing Submit again does not store a second response.
            let again = try await browser.post("/f/every-type/submit")
            #expect(again.location == "/f/every-type/confirmation")
            let count = try await database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM response") }
            #expect(count == 1)
        }
    }

    @Test func twoSubmitsAtOnceStoreOneResponse() async throws {
        let configuration = testConfiguration()
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await answerEveryPage(&browser)
            try await browser.get("/f/every-type/check")
            let submitters = [browser, browser, browser, browser]
            let locations = try await withThrowingTaskGroup(of: String?.self) { group in
                for submitter in submitters {
                    group.addTask {
                        var copy = submitter
                        return try await copy.post("/f/every-type/submit").location
                    }
                }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(locations == Array(repeating: "/f/every-type/confirmation", count: 4))
            let database = try sideDoor(configuration)
            #expect(try await database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM response") } == 1)
        }
    }

    @Test func hiddenAnswersAreDroppedWhenTheirConditionNoLongerHolds() async throws {
        let configuration = testConfiguration()
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await answerEveryPage(&browser, colour: "other", consent: true)
            try await browser.post("/f/every-type/consent?from=check", [])
            try await browser.get("/f/every-type/check")
            try await browser.post("/f/every-type/submit")
            let database = try sideDoor(configuration)
            let questions = try await database.read { try String.fetchAll($0, sql: "SELECT question_id FROM answer") }
            #expect(questions.contains("colour-other"))
            #expect(!questions.contains("email"))
        }
    }

    @Test func answersInProgressSurviveAServerRestart() async throws {
        let configuration = testConfiguration()
        let first = try await buildApplication(configuration)
        let cookies = try await first.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/f/every-type/organisation")
            try await browser.post("/f/every-type/organisation", [("organisation", "test-council")])
            return browser.cookies
        }
        let second = try await buildApplication(configuration)
        try await second.test(.router) { client in
            var browser = TestBrowser(client)
            browser.cookies = cookies
            let page = try await browser.get("/f/every-type/organisation")
            #expect(page.body.contains("value=\"test-council\" checked"))
            let next = try await browser.get("/f/every-type/about")
            #expect(next.status == .ok)
        }
    }

    @Test func confirmationWithoutASubmissionGoesToTheStart() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let page = try await browser.get("/f/every-type/confirmation")
            #expect(page.location == "/f/every-type")
        }
    }
}
