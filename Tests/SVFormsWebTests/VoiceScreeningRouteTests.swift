import Foundation
import GRDB
import HummingbirdTesting
import SVFormsCore
import SVFormsStore
import Testing

@testable import SVFormsWeb

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
            let parts = stamp.split(separator: ".")
            #expect(parts.count == 3, "milliseconds, journey, signature")
            let millis = try #require(parts.first.flatMap { Int64($0) })
            browser.shown = "\(millis - 60_000).\(parts[1]).\(parts[2])"  // claims a minute earlier
            let altered = try await browser.post("/f/community-voice/area", [("area", "guildford")])
            #expect(altered.status == .badRequest)
            browser.shown = "\(millis).\(RandomToken.generate()).\(parts[2])"  // claims another journey
            #expect(try await browser.post("/f/community-voice/area", [("area", "guildford")]).status == .badRequest)
            browser.shown = nil
            let missing = try await browser.post("/f/community-voice/area", [("area", "guildford")])
            #expect(missing.status == .badRequest)
            try await browser.get("/f/community-voice/area")
            let genuine = try await browser.post("/f/community-voice/area", [("area", "guildford")])
            #expect(genuine.status == .seeOther)
        }
    }

    /// The second outside test timed a voice with a stamp from the role survey's public link: a stamp
    /// names its form, so another form's is as bad as an altered one.
    @Test func anotherFormsStampIsABadRequest() async throws {
        let clock = TestClock()
        var configuration = voiceConfiguration(clock)
        configuration.formsDirectory = try Repository.surreyFormsWithPublicRoleSurvey()
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/f/role-understanding/organisation")
            let roleSurveyStamp = try #require(browser.shown)
            try await browser.get("/f/community-voice/area")
            browser.shown = roleSurveyStamp
            #expect(try await browser.post("/f/community-voice/area", [("area", "guildford")]).status == .badRequest)
            try await browser.get("/f/community-voice/area")
            #expect(try await browser.post("/f/community-voice/area", [("area", "guildford")]).status == .seeOther)
        }
    }

    /// The outside test kept one page's stamp, waited 11 s and reused it for whole journeys sent in a blink.
    @Test func aKeptStampTimesOneJourneyOnly() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var bot = TestBrowser(client)
            try await bot.get("/f/community-voice/area")
            let kept = try #require(bot.shown)
            clock.advance(by: 11)
            for _ in 0..<3 {
                let sent = try await bot.sendVoice(clock: clock, secondsPerPage: 0.01, keptStamp: kept)
                #expect(sent.location == "/f/community-voice/confirmation")
            }
        }
        // The first journey was timed from the kept stamp (11 s: a person could have); the stamp then
        // belonged to a submitted journey, so the next two were timed from their own first page.
        #expect(try voiceStatuses(configuration).map(\.reason) == [nil, "too-fast", "too-fast"])
    }

    /// The outside test's second try: stamps fetched ahead from one browser, one wait, then a journey for each.
    @Test func stampsFetchedAheadTimeOneJourneyBetweenThem() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var bot = TestBrowser(client)
            var stamps: [String] = []
            for _ in 0..<5 {
                try await bot.get("/f/community-voice/area")
                stamps.append(try #require(bot.shown))
            }
            clock.advance(by: 11)
            for stamp in stamps {
                let sent = try await bot.sendVoice(clock: clock, secondsPerPage: 0.01, keptStamp: stamp)
                #expect(sent.location == "/f/community-voice/confirmation")
            }
        }
        #expect(try voiceStatuses(configuration).map(\.reason) == [nil] + Array(repeating: "too-fast", count: 4))
    }

    @Test func aStampOlderThanADayTimesNothing() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var browser = TestBrowser(client)
            try await browser.get("/f/community-voice/area")
            let kept = try #require(browser.shown)
            clock.advance(by: 86_400 + 60)
            let sent = try await browser.sendVoice(clock: clock, secondsPerPage: 0.01, keptStamp: kept)
            #expect(sent.location == "/f/community-voice/confirmation")
        }
        #expect(try voiceStatuses(configuration).map(\.reason) == ["too-fast"])
    }

    /// A person who leaves a page open overnight loses nothing: the stamp is not believed, the answers are kept.
    @Test func aPageLeftOpenForADayStillSavesItsAnswers() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var person = TestBrowser(client)
            try await person.get("/f/community-voice/area")
            clock.advance(by: 2 * 86_400)
            let saved = try await person.post("/f/community-voice/area", [("area", "guildford")])
            #expect(saved.location == "/f/community-voice/place")
            let sent = try await person.sendVoice(clock: clock)
            #expect(sent.location == "/f/community-voice/confirmation")
        }
        #expect(try voiceStatuses(configuration).map(\.reason) == [nil])
    }

    @Test func startingManyFormsFromOneAddressIsToldToWaitWithTheAnswersKept() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var first = TestBrowser(client)
            for index in 0..<30 {
                var browser = TestBrowser(client)
                try await browser.get("/f/community-voice/area")
                #expect(try await browser.post("/f/community-voice/area", [("area", "woking")]).status == .seeOther)
                if index == 0 { first = browser }
            }
            var thirtyFirst = TestBrowser(client)
            try await thirtyFirst.get("/f/community-voice/area")
            let refused = try await thirtyFirst.post("/f/community-voice/area", [("area", "woking")])
            #expect(refused.status == .tooManyRequests)
            let wait = try #require(refused.header("Retry-After").flatMap(Int.init))
            #expect(wait > 0 && wait <= 3)
            #expect(refused.text.contains("Please wait before continuing") && refused.text.contains("press Continue again"))
            #expect(refused.body.contains("value=\"woking\" checked"), "the answer given is still chosen")
            #expect(refused.body.contains("Exit this page"))
            // A browser already answering is never held up: only starting new forms is limited.
            try await first.get("/f/community-voice/place")
            #expect(try await first.post("/f/community-voice/place", [("place", "town-centre")]).status == .seeOther)
            clock.advance(by: TimeInterval(wait))
            #expect(try await thirtyFirst.post("/f/community-voice/area", [("area", "woking")]).location == "/f/community-voice/place")
        }
        let drafts = try withDatabase(configuration) { try Int.fetchOne($0, sql: "SELECT count(*) FROM draft") }
        #expect(drafts == 31)
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
