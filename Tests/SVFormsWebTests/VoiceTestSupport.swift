import Foundation
import GRDB
import HummingbirdTesting
import Logging
import SVFormsCore
import SVFormsStore
import Testing

@testable import SVFormsWeb

/// One community voice as a person gives it on the Surrey form.
struct VoiceAnswers {
    var area = "guildford"
    var worries = ["knife-crime", "drugs"]
    var worriesOther: String?
    var feeling = "fairly-unsafe"
    var text = "Groups gather by the station after dark and I avoid it."
    var email: String?
    /// Filled into the field people never see, on the first page.
    var trap: String?

    var pages: [(String, [(String, String)])] {
        var pages: [(String, [(String, String)])] = [
            ("area", [("area", area)] + (trap.map { [("website", $0)] } ?? [])),
            ("place", [("place", "town-centre")]),
            ("worries", worries.map { ("worries", $0) }),
        ]
        if let worriesOther { pages.append(("worries-other", [("worries-other", worriesOther)])) }
        pages += [
            ("safe-after-dark", [("safe-after-dark", feeling)]),
            ("voice", [("voice", text)]),
            ("age-band", []),
            ("contact-consent", email == nil ? [] : [("contact-consent", "yes")]),
        ]
        if let email { pages.append(("contact-email", [("contact-email", email)])) }
        return pages
    }
}

extension TestBrowser {
    /// Answers every page, `secondsPerPage` apart on `clock`, and presses Submit; returns the submit's answer.
    /// With `keptStamp`, every page posts that stamp instead of its own, as a program replaying one would.
    @discardableResult
    mutating func sendVoice(
        _ voice: VoiceAnswers = VoiceAnswers(), clock: TestClock?, secondsPerPage: TimeInterval = 3, keptStamp: String? = nil
    ) async throws -> TestPage {
        for (page, fields) in voice.pages {
            try await get("/f/community-voice/\(page)")
            clock?.advance(by: secondsPerPage)
            if let keptStamp { shown = keptStamp }
            let answered = try await post("/f/community-voice/\(page)", fields)
            #expect(answered.status == .seeOther, "\(page): \(answered.text)")
        }
        try await get("/f/community-voice/check")
        clock?.advance(by: secondsPerPage)
        if let keptStamp { shown = keptStamp }
        return try await post("/f/community-voice/submit")
    }
}

/// The Surrey forms with a clock the test moves.
func voiceConfiguration(_ clock: TestClock) -> AppConfiguration {
    var configuration = testConfiguration(forms: Repository.surreyForms)
    configuration.now = { clock.now }
    return configuration
}

/// Reads the database the way an auditor with the file would.
func withDatabase<T>(_ configuration: AppConfiguration, _ body: (Database) throws -> T) throws -> T {
    try sideDoor(configuration).read(body)
}

/// A second connection to the server's database, as another process would open one: it waits up to
/// 10 s for the server's writer (which may be committing another test's request) instead of failing at once.
func sideDoor(_ configuration: AppConfiguration) throws -> DatabaseQueue {
    var settings = Configuration()
    settings.busyMode = .timeout(10)
    return try DatabaseQueue(path: (configuration.dataDirectory as NSString).appendingPathComponent(AppDatabase.fileName), configuration: settings)
}

/// Each voice's status and quarantine reason, oldest first.
func voiceStatuses(_ configuration: AppConfiguration) throws -> [(status: String, reason: String?, duplicate: Bool)] {
    try withDatabase(configuration) { db in
        try Row.fetchAll(db, sql: "SELECT status, quarantine_reason, possible_duplicate FROM voice ORDER BY response_id")
            .map { ($0[0], $0[1], $0[2]) }
    }
}
