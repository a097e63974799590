import Foundation
import Hummingbird
import HummingbirdTesting
@testable import SVFormsWeb
import Testing

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
        let app = try await buildApplication(testConfiguration(forms: Repository.surreyForms))
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            for path in ["/f/community-voice", "/f/community-voice/area"] {
                let page = try await browser.get(path)
                #expect(page.body.contains("<a href=\"/exit\""), "\(path)")
                #expect(page.body.contains("<a href=\"tel:999\">999</a>"), "\(path)")
                #expect(page.body.contains("<strong>Crimestoppers</strong>: <a href=\"tel:0800555111\">0800 555 111</a>"), "\(path)")
            }
            // The role survey is for professionals: no exit link or helplines.
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

@Suite struct StartupTests {
    @Test func aBrokenQuestionnaireStopsTheServerWithFileAndLine() async throws {
        let forms = FileManager.default.temporaryDirectory.appendingPathComponent("svforms-broken-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: forms, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.everyTypeForms + "/partnership.yaml", toPath: forms + "/partnership.yaml")
        try "id: broken\nversion: 1\ntitle: Broken\naudience: public\npages:\n  - id: p\n    questions:\n      - { id: q, type: stars, label: Q }\n"
            .write(toFile: forms + "/broken.yaml", atomically: true, encoding: .utf8)
        do {
            _ = try await buildApplication(testConfiguration(forms: forms))
            Issue.record("the server started with a broken questionnaire")
        } catch let problem as StartupProblem {
            #expect(problem.description.contains("broken.yaml:8: unknown question type \"stars\""))
        }
    }

    @Test func plainHTTPBeyondThisMachineIsRefused() async throws {
        var configuration = testConfiguration()
        configuration.host = "0.0.0.0"
        do {
            _ = try await buildApplication(configuration)
            Issue.record("started on 0.0.0.0 without https")
        } catch let problem as StartupProblem {
            #expect(problem.description.contains("SVFORMS_BASE_URL=https://"))
        }
        configuration.baseURL = "https://forms.example.org"
        _ = try await buildApplication(configuration)
        configuration.baseURL = nil
        configuration.allowInsecureHTTP = true
        _ = try await buildApplication(configuration)
    }

    @Test func aMissingTemplateStopsTheServer() async throws {
        let templates = FileManager.default.temporaryDirectory.appendingPathComponent("svforms-templates-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Repository.path("templates"), toPath: templates)
        try FileManager.default.removeItem(atPath: templates + "/check_answers.mustache")
        var configuration = testConfiguration()
        configuration.templatesDirectory = templates
        await #expect(throws: StartupProblem.self) { _ = try await buildApplication(configuration) }
        do { _ = try await buildApplication(configuration) } catch { #expect("\(error)".contains("check_answers.mustache")) }
    }
}

@Suite struct SafetyRouteTests {
    @Test func exitTellsTheBrowserToForgetTheAnswers() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/f/every-type/organisation")
            try await browser.post("/f/every-type/organisation", [("organisation", "test-police")])
            #expect(browser.cookies["svf_respondent"] != nil)
            try await browser.get("/exit")
            #expect(browser.cookies["svf_respondent"] == nil)
            let start = try await browser.get("/f/every-type")
            #expect(!start.text.contains("Continue where you left off"))
        }
    }

    @Test func errorPagesOnAPublicFormKeepTheExitLinkAndHelplines() async throws {
        let app = try await buildApplication(testConfiguration(forms: Repository.surreyForms))
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let missing = try await browser.get("/f/community-voice/no-such-page")
            #expect(missing.status == .notFound)
            #expect(missing.body.contains("<a href=\"/exit\""))
            #expect(missing.body.contains("tel:999"))
            let forged = try await browser.post("/f/community-voice/area", [("area", "woking")], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(forged.body.contains("<a href=\"/exit\""))
        }
    }

    @Test func healthFailsWhenTheDatabaseFileIsGone() async throws {
        let configuration = testConfiguration()
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let healthy = try await browser.get("/healthz")
            #expect(healthy.status == .ok)
            // The open connections would still answer; the missing file must not go unnoticed.
            try FileManager.default.moveItem(
                atPath: configuration.dataDirectory + "/svforms.sqlite", toPath: configuration.dataDirectory + "/moved.sqlite")
            let health = try await browser.get("/healthz")
            #expect(health.status == .serviceUnavailable)
        }
    }

    @Test func telephoneLinksKeepAnInternationalPlus() {
        #expect(ContactView.telHref("+44 1483 630200") == "tel:+441483630200")
        #expect(ContactView.telHref("0800 555 111") == "tel:0800555111")
    }
}
