import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SVFormsWeb
import Testing

/// The respondent journey through `buildApplication`, as a browser would walk it.
@Suite struct JourneyRouteTests {
    @Test func startPageLinksToTheFirstQuestion() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get("/f/every-type")
            #expect(start.status == .ok)
            #expect(start.title == "Start – Every question type – Testshire SVP")
            #expect(start.text.contains("It takes around 4 minutes."))
            #expect(start.body.contains("href=\"/f/every-type/organisation\""))
        }
    }

    @Test func firstPageSetsADurableRespondentCookie() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let page = try await browser.get("/f/every-type/organisation")
            #expect(page.status == .ok)
            let cookie = try #require(browser.setCookieHeaders.first { $0.hasPrefix("svf_respondent=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/"))
            #expect(cookie.contains("Max-Age=2592000"))
            #expect(!cookie.contains("Secure"))  // plain-HTTP loopback development
            #expect(page.body.contains("<h1 class=\"fieldset__heading\">Which organisation are you from?</h1>"))
            #expect(page.body.contains("href=\"/f/every-type\" class=\"back-link\""))
        }
    }

    @Test func httpsBaseURLGivesHostPrefixedSecureCookiesAndHSTS() async throws {
        var configuration = testConfiguration()
        configuration.baseURL = "https://forms.example.org"
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let page = try await browser.get("/f/every-type/organisation")
            let cookie = try #require(browser.setCookieHeaders.first)
            #expect(cookie.hasPrefix("__Host-svf_respondent="))
            #expect(cookie.contains("Secure"))
            #expect(page.headers[.strictTransportSecurity] == "max-age=31536000; includeSubDomains")
        }
    }

    @Test func aMissingAnswerReRendersWith422AndAnErrorSummary() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/f/every-type/organisation")
            let page = try await browser.post("/f/every-type/organisation", [])
            #expect(page.status == .unprocessableContent)
            #expect(page.title?.hasPrefix("Error: ") == true)
            #expect(page.body.contains("<a href=\"#q-organisation\">Select an answer</a>"))
            #expect(page.body.contains("<span class=\"visually-hidden\">Error:</span> Select an answer"))
            #expect(page.body.contains("aria-describedby=\"q-organisation.error\""))
            #expect(page.body.contains("<p id=\"q-organisation.error\" class=\"error-message\">"))
        }
    }

    @Test func invalidAnswersAreKeptOnTheReRenderedPage() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/f/every-type/organisation")
            try await browser.post("/f/every-type/organisation", [("organisation", "test-police")])
            try await browser.get("/f/every-type/about")
            let tooLong = "A name far too long for the limit"
            let page = try await browser.post("/f/every-type/about", [("name", tooLong), ("role", "Analyst <b>")])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("value=\"\(tooLong)\""))
            #expect(page.body.contains("value=\"Analyst &lt;b&gt;\""))
            #expect(page.text.contains("Answer must be 20 characters or fewer (it has 33) (“Your name”)"))
        }
    }

    @Test func anOptionNotInTheListIsAValidationErrorAndNothingIsSaved() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/f/every-type/organisation")
            let page = try await browser.post("/f/every-type/organisation", [("organisation", "test-pcc")])
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("Select one of the options shown"))
            let next = try await browser.get("/f/every-type/about")
            #expect(next.status == .seeOther)
            #expect(next.location == "/f/every-type/organisation")
        }
    }

    @Test func pagesCannotBeSkipped() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let page = try await browser.get("/f/every-type/story")
            #expect(page.status == .seeOther)
            #expect(page.location == "/f/every-type/organisation")
            let check = try await browser.get("/f/every-type/check")
            #expect(check.status == .seeOther)
            #expect(check.location == "/f/every-type/organisation")
        }
    }

    @Test func aValidAnswerIsSavedAndLeadsToTheNextPage() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/f/every-type/organisation")
            let answered = try await browser.post("/f/every-type/organisation", [("organisation", "test-schools")])
            #expect(answered.status == .seeOther)
            #expect(answered.location == "/f/every-type/about")
            let again = try await browser.get("/f/every-type/organisation")
            #expect(again.body.contains("value=\"test-schools\" checked"))
            let start = try await browser.get("/f/every-type")
            #expect(start.text.contains("Continue where you left off"))
        }
    }

    @Test func aDateErrorLinksToTheBoxThatNeedsFixing() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await answerEveryPage(&browser)
            let page = try await browser.post("/f/every-type/when?from=check", [("when-month", "4"), ("when-year", "2025")])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("<a href=\"#q-when-day\">Date must include a day</a>"))
            #expect(page.body.contains("id=\"q-when-day\""))
            #expect(page.body.contains("value=\"2025\""))
            let wrong = try await browser.post("/f/every-type/when?from=check", [("when-day", "31"), ("when-month", "4"), ("when-year", "2025")])
            #expect(wrong.body.contains("<a href=\"#q-when-day\">Date must be a real date, like 27 3 2025</a>"))
        }
    }
}
