import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SVFormsWeb

@Suite struct PublicRouteTests {
    @Test func homeListsOnlyPublicForms() async throws {
        let app = try await buildApplication(testConfiguration(forms: Repository.surreyForms))
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("href=\"/f/community-voice\""))
            #expect(!home.body.contains("/f/role-understanding"))
            #expect(home.text.contains("Surrey Serious Violence Reduction Partnership"))
        }
    }

    @Test func publicFormsShowSafeguardingContactsAndTheExitLink() async throws {
        let app = try await buildApplication(testConfiguration(forms: try Repository.surreyFormsWithPublicRoleSurvey()))
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            for path in ["/f/community-voice", "/f/community-voice/area"] {
                let page = try await browser.get(path)
                #expect(page.body.contains("<a href=\"/exit\""), "\(path)")
                #expect(page.body.contains("<a href=\"tel:999\">999</a>"), "\(path)")
                #expect(page.body.contains("<strong>Crimestoppers</strong>: <a href=\"tel:0800555111\">0800 555 111</a>"), "\(path)")
            }
            // The role survey is for professionals: no exit link or helplines (when its public link is on).
            let survey = try await browser.get("/f/role-understanding")
            #expect(survey.status == .ok)
            #expect(!survey.body.contains("href=\"/exit\""))
        }
    }

    @Test func exitRedirectsToTheNeutralPageWithoutAReferrer() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let exit = try await browser.get("/exit")
            #expect(exit.status == .seeOther)
            #expect(exit.location == "https://neutral.example/weather")
            #expect(exit.header("Referrer-Policy") == "no-referrer")
        }
    }

    @Test func healthAnswersOkWhenTheDatabaseAnswers() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let health = try await browser.get("/healthz")
            #expect(health.status == .ok)
            #expect(health.body == "ok")
        }
    }

    @Test func theStylesheetIsServedUnderItsContentHash() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let page = try await browser.get("/f/every-type")
            let path = try #require(page.body.between("<link rel=\"stylesheet\" href=\"", "\""))
            #expect(path.hasPrefix("/assets/svforms-"))
            let css = try await browser.get(path)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.headers[.cacheControl]?.contains("immutable") == true)
            let unknownAsset = try await browser.get("/assets/svforms-000000000000.css")
            #expect(unknownAsset.status == .notFound)
        }
    }

    @Test func theHampshireExampleLoadsAndServes() async throws {
        let app = try await buildApplication(testConfiguration(forms: Repository.hampshireForms))
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let home = try await browser.get("/")
            #expect(home.text.contains("Hampshire"))
            #expect(!home.text.contains("Surrey"))
            let start = try await browser.get("/f/hips-community-voice")
            #expect(start.status == .ok)
            let first = try #require(start.body.between("href=\"/f/hips-community-voice/", "\""))
            let page = try await browser.get("/f/hips-community-voice/\(first)")
            #expect(page.status == .ok)
            #expect(page.text.contains("Portsmouth"))
        }
    }
}
