import Foundation
import GRDB
import HummingbirdTesting
import SVFormsStore
import SVFormsWeb
import Testing

/// Leads read, sort, theme, redact and mark voices at /admin/voices; every change is audited.
@Suite struct VoiceReviewRouteTests {
    /// The references of voices sent, in order.
    static func references(_ configuration: AppConfiguration) throws -> [String] {
        try withDatabase(configuration) { try String.fetchAll($0, sql: "SELECT reference FROM response ORDER BY id") }
    }

    @Test func leadsFilterByAreaThemeStatusQuarterAndWords() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        try await addAccount("viewer@example.org", role: .viewer, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var person = TestBrowser(client)
            try await person.sendVoice(VoiceAnswers(area: "woking", worries: ["vawg"], text: "The underpass near the 50% off shop"), clock: clock)
            try await person.sendVoice(VoiceAnswers(area: "guildford", worries: ["drugs"], text: "Dealing outside the station"), clock: clock)
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let all = try await lead.get("/admin/voices")
            #expect(all.status == .ok)
            #expect(all.text.contains("2 voices match."))
            let woking = try await lead.get("/admin/voices?form=community-voice&area=woking")
            #expect(woking.text.contains("1 voice matches.") && woking.text.contains("underpass"))
            let drugs = try await lead.get("/admin/voices?theme=drugs")
            #expect(drugs.text.contains("Dealing outside") && !drugs.text.contains("underpass"))
            let words = try await lead.get("/admin/voices?q=50%25+off")  // "%" is matched as itself, "+" is a space
            #expect(words.text.contains("1 voice matches.") && words.text.contains("underpass"))
            let wildcard = try await lead.get("/admin/voices?q=%25")
            #expect(wildcard.text.contains("1 voice matches."))
            let quarter = try await lead.get("/admin/voices?quarter=2025/26+Q1&status=new")
            #expect(quarter.text.contains("2 voices match."))
            let none = try await lead.get("/admin/voices?quarter=2025/26+Q1&status=actioned")
            #expect(none.text.contains("0 voices match."))

            var viewer = TestBrowser(client)
            try await viewer.signIn("viewer@example.org")
            #expect(try await viewer.get("/admin/voices").status == .forbidden)
            let reference = try Self.references(configuration)[0]
            #expect(try await viewer.get("/admin/voices/community-voice/\(reference)").status == .forbidden)
        }
    }

    /// One form saves themes and status together (three forms once saved the status and dropped the theme),
    /// and "next voice" walks the list in the filter it was opened from.
    @Test func oneSaveKeepsThemesAndStatusAndNextVoiceStaysInTheFilter() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var person = TestBrowser(client)
            for (area, words) in [("woking", "First in Woking"), ("guildford", "In Guildford"), ("woking", "Second in Woking")] {
                try await person.sendVoice(VoiceAnswers(area: area, text: words), clock: clock)
            }
            let references = try Self.references(configuration)
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let list = try await lead.get("/admin/voices?form=community-voice&area=woking")
            let newest = try #require(list.body.firstMatch(of: /href="(\/admin\/voices\/community-voice\/[A-Z0-9]{8}\?[^"]+)"/)).1
            let page = try await lead.get(String(newest).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(page.text.contains("Second in Woking"))
            let next = try #require(page.body.firstMatch(of: /href="([^"]+)" rel="next"/)).1.replacingOccurrences(of: "&amp;", with: "&")
            #expect(next == "/admin/voices/community-voice/\(references[0])?form=community-voice&area=woking", "Guildford is skipped")
            #expect(page.body.firstMatch(of: /rel="prev"/) == nil, "the newest has none above it")

            let path = "/admin/voices/community-voice/\(references[2])"
            let saved = try await lead.post(path + "/review?form=community-voice&area=woking", [("themes", "drugs"), ("status", "reviewed")])
            #expect(saved.location == path + "?done=review&form=community-voice&area=woking")
            let after = try await lead.get(saved.location ?? path)
            #expect(after.text.contains("Your review is saved.") && after.text.contains("Status: Reviewed"))
            #expect(after.body.contains("value=\"drugs\" checked"))
            let missing = try await lead.post(path + "/review", [("themes", "knife-crime")])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.body.contains("value=\"knife-crime\" checked"), "what was ticked is shown again")
        }
        let newest = try Self.references(configuration)[2]
        let themes = try withDatabase(configuration) { db in
            try String.fetchAll(
                db, sql: "SELECT theme FROM voice_theme JOIN response ON response.id = response_id WHERE reference = ?", arguments: [newest])
        }
        #expect(themes == ["drugs"], "the failed save changed nothing")
    }

    /// `?page=9223372036854775807` once overflowed the list's offset and stopped the whole server.
    @Test func extremePageNumbersShowAPageOfTheList() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var person = TestBrowser(client)
            try await person.sendVoice(VoiceAnswers(), clock: clock)
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            for page in [
                "9223372036854775807", "9223372036854775806", "184467440737095517", "184467440737095518", "-9223372036854775808",
                "18446744073709551616", "-1", "0", "1e309", "1" + String(repeating: "0", count: 40), "%2B5", "NaN",
            ] {
                let list = try await lead.get("/admin/voices?page=\(page)")
                #expect(list.status == .ok, "page=\(page)")
            }
        }
    }

    @Test func aLeadThemesMarksAndRedactsAVoiceAndTheAuditLogSaysWhoAndWhen() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var person = TestBrowser(client)
            try await person.sendVoice(VoiceAnswers(text: "Bob Smith from number 4 threatens people; bob smith again yesterday"), clock: clock)
            let reference = try Self.references(configuration)[0]
            let path = "/admin/voices/community-voice/\(reference)"
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let page = try await lead.get(path)
            #expect(page.text.contains("Bob Smith from number 4"))

            let themed = try await lead.post(path + "/themes", [("themes", "street-lighting"), ("themes", "drugs"), ("themes", "not-a-theme")])
            #expect(themed.location == path + "?done=themes&form=community-voice")
            let marked = try await lead.post(path + "/status", [("status", "actioned")])
            #expect(marked.status == .seeOther)
            let missing = try await lead.post(path + "/redact", [("question", "voice"), ("passage", "Alice Jones")])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.title?.hasPrefix("Error: ") == true)
            #expect(missing.text.contains("Those words are not in that answer"))
            let asked = try await lead.post(path + "/redact", [("question", "voice"), ("passage", "Bob Smith")])
            #expect(asked.status == .ok && asked.text.contains("Are you sure you want to redact these words?"))
            #expect(try await lead.get(path).text.contains("Bob Smith from number 4"), "asking redacts nothing")
            let redacted = try await lead.post(path + "/redact", [("question", "voice"), ("passage", "Bob Smith"), ("confirm", "yes")])
            #expect(redacted.location == path + "?done=redact&form=community-voice")
            let after = try await lead.get(path)
            #expect(after.text.contains("[redacted] from number 4 threatens people; [redacted] again yesterday"))
            #expect(after.text.contains("Status: Actioned"))
            #expect(after.text.contains("Last changed") && after.text.contains("by lead@example.org"))
        }
        let stored = try withDatabase(configuration) { db in
            (
                try String.fetchAll(db, sql: "SELECT theme FROM voice_theme ORDER BY theme"),
                try String.fetchOne(db, sql: "SELECT value FROM answer WHERE question_id = 'voice'"),
                try Row.fetchAll(db, sql: "SELECT actor, action, subject FROM audit_event WHERE action LIKE 'voice.%' ORDER BY id")
                    .map { "\($0[0] as String) \($0[1] as String) \($0[2] as String)" }
            )
        }
        let reference = try Self.references(configuration)[0]
        #expect(stored.0 == ["drugs", "street-lighting"])
        #expect(stored.1?.contains("Bob") == false && stored.1?.contains("bob") == false)
        #expect(
            stored.2 == [
                "lead@example.org voice.themes community-voice \(reference)",
                "lead@example.org voice.actioned community-voice \(reference)",
                "lead@example.org voice.redact community-voice \(reference) voice",
            ])
    }

    @Test func aQuarantinedVoiceCountsOnlyOnceReleasedAndCanBeDeleted() async throws {
        let clock = TestClock()
        let configuration = voiceConfiguration(clock)
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var bot = TestBrowser(client)
            try await bot.sendVoice(VoiceAnswers(area: "woking", trap: "x"), clock: clock)
            try await bot.sendVoice(VoiceAnswers(area: "woking", trap: "y"), clock: clock)
            let references = try Self.references(configuration)
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let before = try await lead.get("/admin/forms/community-voice/voice-counts.csv")
            #expect(before.body.contains("2025/26 Q1,All voices,,,0"))
            let dashboard = try await lead.get("/admin")
            #expect(dashboard.text.contains("2 in quarantine, not counted here."))

            let path = "/admin/voices/community-voice/\(references[0])"
            let notYet = try await lead.post(path + "/status", [("status", "reviewed")])
            #expect(notYet.status == .unprocessableContent)
            let released = try await lead.post(path + "/release")
            #expect(released.location == path + "?done=release&form=community-voice")
            let after = try await lead.get("/admin/forms/community-voice/voice-counts.csv")
            #expect(after.body.contains("2025/26 Q1,All voices,,,1"))
            #expect(after.body.contains("2025/26 Q1,By area,Woking,All voices,1"))

            let second = "/admin/voices/community-voice/\(references[1])"
            let unconfirmed = try await lead.post(second + "/delete")
            #expect(unconfirmed.status == .ok && unconfirmed.text.contains("Are you sure you want to delete voice \(references[1]) for good?"))
            #expect(try await lead.get(second).status == .ok, "asking deletes nothing")
            let deleted = try await lead.post(second + "/delete", [("confirm", "yes")])
            #expect(deleted.location?.hasSuffix("deleted=\(references[1])") == true)
            #expect(try await lead.get(second).status == .notFound)
            let releasedCannotBeDeleted = try await lead.post(path + "/delete", [("confirm", "yes")])
            #expect(releasedCannotBeDeleted.status == .unprocessableContent)
        }
        #expect(try voiceStatuses(configuration).map(\.status) == ["new"])
    }
}
