import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SVFormsWeb
import Testing

/// Refusals: forged posts, oversized and malformed bodies, unknown pages, internal errors.
@Suite struct ProtectionRouteTests {
    @Test func postsWithoutAValidAntiForgeryTokenAreRefused() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/f/every-type/organisation")
            let missing = try await browser.post("/f/every-type/organisation", [("organisation", "test-police")], csrf: false)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("Sorry, we could not save that page"))
            let wrong = try await browser.post(
                "/f/every-type/organisation", [("organisation", "test-police"), ("_csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")],
                csrf: false)
            #expect(wrong.status == .forbidden)

            // Another browser's token does not work with this browser's cookie.
            var other = TestBrowser(client)
            try await other.get("/f/every-type/organisation")
            browser.csrf = other.csrf
            let forged = try await browser.post("/f/every-type/organisation", [("organisation", "test-police")])
            #expect(forged.status == .forbidden)

            // Without the cookie nothing can be saved, whatever the token.
            var cookieless = TestBrowser(client)
            cookieless.csrf = other.csrf
            let withoutCookie = try await cookieless.post("/f/every-type/organisation", [("organisation", "test-police")])
            #expect(withoutCookie.status == .forbidden)
            let notSaved = try await browser.get("/f/every-type/about")
            #expect(notSaved.location == "/f/every-type/organisation")
        }
    }

    /// Without SVFORMS_BASE_URL (development), the page's own address is the only origin a post may come from.
    @Test func postsABrowserSaysCameFromAnotherSiteAreRefused() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.live) { client in
            var browser = TestBrowser(client)
            try await browser.get("/f/every-type/organisation")
            let body = "organisation=test-police&_csrf=" + TestBrowser.encode(browser.csrf ?? "")
            for (name, value) in [
                ("Origin", "https://evil.example"), ("Origin", "null"), ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Site", "same-site"),
            ] {
                let forged = try await browser.send(
                    "/f/every-type/organisation", method: .post, body: body, headers: [HTTPField.Name(name)!: value])
                #expect(forged.status == .forbidden, "\(name): \(value)")
            }
            // The live test client sends `Host: localhost`, so that is this page's own origin.
            let own = try await browser.send(
                "/f/every-type/organisation", method: .post, body: body,
                headers: [.origin: "http://localhost", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"])
            #expect(own.status == .seeOther)
            // A page with `Referrer-Policy: no-referrer` posts with `Origin: null`, from the same origin.
            try await browser.get("/f/every-type/organisation")
            let fromPrivatePage = try await browser.send(
                "/f/every-type/organisation", method: .post, body: "organisation=test-police&_csrf=" + TestBrowser.encode(browser.csrf ?? ""),
                headers: [.origin: "null", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"])
            #expect(fromPrivatePage.status == .seeOther)
        }
    }

    @Test func oversizedBodiesGet413() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/f/every-type/organisation")
            let huge = String(repeating: "x", count: 300 * 1024)
            let page = try await browser.post("/f/every-type/story", [("story", huge)])
            #expect(page.status == .contentTooLarge)
            #expect(page.text.contains("Your answer is too long to send"))
        }
    }

    @Test func malformedBodiesGet400() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/f/every-type/organisation")
            let token = try #require(browser.csrf)
            let badEscape = try await browser.send("/f/every-type/organisation", method: .post, body: "organisation=%ZZ&_csrf=\(token)")
            #expect(badEscape.status == .badRequest)
            let badUTF8 = try await browser.send("/f/every-type/organisation", method: .post, body: "organisation=%C3%28&_csrf=\(token)")
            #expect(badUTF8.status == .badRequest)
            let flood = (0..<5_000).map { "f\($0)=x" }.joined(separator: "&")
            let tooMany = try await browser.send("/f/every-type/organisation", method: .post, body: flood)
            #expect(tooMany.status == .badRequest)
            for boundary in ["", "\"\"", String(repeating: "b", count: 71)] {
                let noBoundary = try await browser.send(
                    "/f/every-type/organisation", method: .post, body: "x=1", headers: [.contentType: "multipart/form-data; boundary=\(boundary)"])
                #expect(noBoundary.status == .badRequest, "boundary=\(boundary)")
            }
            let nameless = "--b\r\nContent-Disposition: form-data\r\n\r\nguildford\r\n--b--\r\n"
            let namelessPart = try await browser.send(
                "/f/every-type/organisation", method: .post, body: nameless, headers: [.contentType: "multipart/form-data; boundary=b"])
            #expect(namelessPart.status == .badRequest)
            let twoTokens = try await browser.send(
                "/f/every-type/organisation", method: .post, body: "organisation=test-police&_csrf=\(token)&_csrf=forged")
            #expect(twoTokens.status == .forbidden)
        }
    }

    @Test func unknownFormsAndPagesAre404Pages() async throws {
        let app = try await buildApplication(testConfiguration())
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            for path in ["/f/no-such-form", "/f/every-type/no-such-page", "/nowhere", "/f/no-such-form/check"] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.text.contains("Page not found"), "\(path)")
                #expect(page.headers[.contentSecurityPolicy] != nil)
            }
        }
    }

    @Test func invitedFormsWithoutAPublicLinkAreNotServedByLink() async throws {
        let app = try await buildApplication(testConfiguration(forms: Repository.hampshireForms))
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let invitedOnly = try await browser.get("/f/svrp-role-survey")
            #expect(invitedOnly.status == .notFound)
            let openToAll = try await browser.get("/f/hips-community-voice")
            #expect(openToAll.status == .ok)
        }
    }

    @Test func internalErrorsShowOnlyAReferenceThatIsAlsoLogged() async throws {
        let configuration = testConfiguration()
        let logs = LogCapture()
        let app = try await buildApplication(configuration, logger: logs.logger)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/f/every-type/organisation")
            try await browser.post("/f/every-type/organisation", [("organisation", "test-police")])
            // Corrupt the saved draft behind the server's back so reading it fails.
            let database = try sideDoor(configuration)
            try await database.write { try $0.execute(sql: "UPDATE draft SET state = '{\"unexpected\": true}'") }
            let page = try await browser.get("/f/every-type/about")
            #expect(page.status == .internalServerError)
            #expect(page.text.contains("Sorry, there is a problem with the service"))
            let reference = try #require(page.body.between("<strong class=\"reference\">", "</strong>"))
            #expect(reference.count == 8)
            #expect(!page.body.contains("DecodingError"))
            #expect(!page.body.contains("keyNotFound"))
            #expect(logs.all.contains { $0.contains("internal error") && $0.contains("reference=\(reference)") && $0.contains("keyNotFound") })
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let app = try await buildApplication(testConfiguration(forms: Repository.surreyForms))
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            for path in ["/", "/f/community-voice", "/f/community-voice/area", "/nowhere", "/healthz"] {
                let page = try await browser.get(path)
                let csp = try #require(page.headers[.contentSecurityPolicy], "\(path)")
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(csp.contains("default-src 'none'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(page.headers[.xContentTypeOptions] == "nosniff")
                #expect(page.headers[.cacheControl] == "no-store")
                #expect(page.header("Referrer-Policy") != nil)
                #expect(page.headers[.accessControlAllowOrigin] == nil)
                #expect(page.headers[.strictTransportSecurity] == nil)  // plain HTTP
                #expect(!page.body.contains("<script"))
                #expect(!page.body.contains("style=\""))
            }
        }
    }
}
