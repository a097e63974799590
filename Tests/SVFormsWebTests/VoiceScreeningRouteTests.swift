import Foundation
import GRDB
import HummingbirdTesting
import SVFormsWeb
import Testing

/// The public voice form screens out programs without a CAPTCHA: a hidden field, a signed time
/// the first page was shown, and a rate limit per client address.
@Suite struct VoiceScreeningRouteTests {
    @Test func aVoiceAtHumanPaceIsNewAndStartsWithThePersonsThemes() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            let page = try await browser.get("/f/community-voice/area")
            #expect(page.body.contains("<div class=\"trap\" aria-hidden=\"true\">"))
            #expect(page.body.contains("name=\"website\" value=\"\" tabindex=\"-1\" autocomplete=\"off\""))
            let submitted = try await browser.sendVoice(clock: clock)
            #expect(submitted.location == "/f/community-voice/confirmation")
        }
        #expect(try voiceStatuses(configuration).map(\.status) == ["new"])
        let themes = try withDatabase(configuration) { try String.fetchAll($0, sql: "SELECT theme FROM voice_theme ORDER BY theme") }
        #expect(themes == ["drugs", "knife-crime"])
    }

    @Test func theHiddenFieldOrTooFastAVoiceIsThankedAndQuarantined() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var filled = TestBrowser(client)
            var trapped = VoiceAnswers()
            trapped.trap = "https://cheap-pills.example"
            let first = try await filled.sendVoice(trapped, clock: clock)
            #expect(first.location == "/f/community-voice/confirmation")
            let thanks = try await filled.get("/f/community-voice/confirmation")
            #expect(thanks.text.contains("Your reference"))

            var hasty = TestBrowser(client)
            let second = try await hasty.sendVoice(clock: clock, secondsPerPage: 0.5)  // 9 pages in 4.5 s
            #expect(second.location == "/f/community-voice/confirmation")
        }
        let statuses = try voiceStatuses(configuration)
        #expect(statuses.map(\.status) == ["quarantined", "quarantined"])
        #expect(statuses.map(\.reason) == ["hidden-field", "too-fast"])
    }

    @Test func aMissingOrAlteredShownTimeIsABadRequest() async throws {
        let clock = TestClock()
        let app = try await buildApplication(voiceConfiguration(clock))
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/f/community-voice/area")
            let stamp = try #require(browser.shown)
            let millis = try #require(stamp.split(separator: ".").first.flatMap { Int64($0) })
            browser.shown = "\(millis - 60_000)." + stamp.split(separator: ".")[1]  // claims a minute earlier
            let altered = try await browser.post("/f/community-voice/area", [("area", "guildford")])
            #expect(altered.status == .badRequest)
            browser.shown = nil
            let missing = try await browser.post("/f/community-voice/area", [("area", "guildford")])
            #expect(missing.status == .badRequest)
            try await browser.get("/f/community-voice/area")
            let genuine = try await browser.post("/f/community-voice/area", [("area", "guildford")])
            #expect(genuine.status == .seeOther)
        }
    }

    @Test func aBurstFromOneAddressIsToldToWaitAndLosesNothing() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            // 20 voices within a few seconds of each other: the whole burst is taken.
            for _ in 0..<20 {
                var browser = TestBrowser(client)
                let sent = try await browser.sendVoice(clock: clock, secondsPerPage: 0.02)
                #expect(sent.status == .seeOther)
            }
            var twentyFirst = TestBrowser(client)
            let refused = try await twentyFirst.sendVoice(clock: clock, secondsPerPage: 0.02)
            #expect(refused.status == .tooManyRequests)
            let wait = try #require(refused.header("Retry-After").flatMap(Int.init))
            #expect(wait > 0 && wait <= 6)
            #expect(refused.title?.hasPrefix("Please wait before sending this") == true)
            #expect(refused.text.contains("Your answers are saved"))
            #expect(refused.body.contains("Exit this page"))
            clock.advance(by: TimeInterval(wait))
            try await twentyFirst.get("/f/community-voice/check")
            let retried = try await twentyFirst.post("/f/community-voice/submit")
            #expect(retried.location == "/f/community-voice/confirmation")
        }
        #expect(try voiceStatuses(configuration).count == 21)
    }

    @Test func peopleSharingAnAddressAtHumanPaceAreNeverRefused() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            // 40 people in one building, each taking about half a minute: one voice every 30 s.
            for _ in 0..<40 {
                var browser = TestBrowser(client)
                let sent = try await browser.sendVoice(clock: clock, secondsPerPage: 3)
                #expect(sent.location == "/f/community-voice/confirmation")
            }
        }
        #expect(try voiceStatuses(configuration).map(\.status) == Array(repeating: "new", count: 40))
    }

    @Test func theSameWordsFromTheSameClientWithinMinutesAreFlaggedNotDropped() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            for _ in 0..<2 {
                var browser = TestBrowser(client)
                try await browser.sendVoice(clock: clock)
            }
            clock.advance(by: 11 * 60)
            var later = TestBrowser(client)
            try await later.sendVoice(clock: clock)
        }
        #expect(try voiceStatuses(configuration).map(\.duplicate) == [false, true, false])
    }
}
