import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SVFormsWeb

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
