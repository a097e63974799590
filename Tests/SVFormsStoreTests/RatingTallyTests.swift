import Foundation
import GRDB
import SVFormsCore
import Testing

@testable import SVFormsStore

/// The rating tally is a cache: whatever it holds, counts must equal a recount from the answers.
@Suite struct RatingTallyTests {
    let database: AppDatabase
    /// Europe/London quarters from 2024/25 Q4 to 2025/26 Q2: each starts at local midnight, an hour
    /// before the UTC month in summer time, so every period has edges the tally cannot serve.
    let quarters = [
        DateInterval(start: Date(timeIntervalSince1970: 1_735_689_600), end: Date(timeIntervalSince1970: 1_743_462_000)),
        DateInterval(start: Date(timeIntervalSince1970: 1_743_462_000), end: Date(timeIntervalSince1970: 1_751_324_400)),
        DateInterval(start: Date(timeIntervalSince1970: 1_751_324_400), end: Date(timeIntervalSince1970: 1_759_273_200)),
    ]
    let ratings = ["duty", "strategy"]

    init() throws {
        database = try scratchDatabase()
    }

    /// The counts as the query that does not use the tally finds them.
    private func recount() async throws -> Set<String> {
        let (table, periodArguments) = AppDatabase.periodTable(quarters)
        var arguments = periodArguments
        arguments += StatementArguments(ratings)
        arguments += ["org", "survey", 0, Int64.max]
        let sql = AppDatabase.ratingCountsSQL(periodTable: table, questionCount: ratings.count)
        let finalArguments = arguments
        return Set(
            try await database.writer.read { db in
                try Row.fetchAll(db, sql: sql, arguments: finalArguments).map {
                    "\($0[0] as Int) \($0[1] as String? ?? "-") \($0[2] as String) \($0[3] as String) ×\($0[4] as Int)"
                }
            })
    }

    private func counted() async throws -> Set<String> {
        let counts = try await database.reporting.ratingCounts(
            formID: "survey", questionIDs: ratings, organisationQuestionID: "org", periods: quarters)
        return Set(counts.map { "\($0.period) \($0.organisationID ?? "-") \($0.questionID) \($0.value) ×\($0.count)" })
    }

    /// A response at a random instant of the quarters (often within an hour of a month's edge), some
    /// naming no organisation, some as quarantined voices, some to another form.
    private func submitRandom(_ generator: inout some RandomNumberGenerator) async throws -> String {
        let span = quarters.first!.start.timeIntervalSince1970...quarters.last!.end.timeIntervalSince1970 - 1
        var seconds = TimeInterval(Int.random(in: Int(span.lowerBound)...Int(span.upperBound), using: &generator))
        if Bool.random(using: &generator) {  // near a month edge: the first of a month, ±90 minutes
            let edge = quarters.randomElement(using: &generator)!.end.timeIntervalSince1970 + 3_600
            seconds = min(span.upperBound, max(span.lowerBound, edge + Double(Int.random(in: -5_400...5_400, using: &generator))))
        }
        var answers: Answers = ["duty": [["good", "some", "full"].randomElement(using: &generator)!], "strategy": ["none"], "text": ["words"]]
        if Int.random(in: 0..<4, using: &generator) > 0 { answers["org"] = [["police", "council"].randomElement(using: &generator)!] }
        let voice = Int.random(in: 0..<5, using: &generator) == 0 ? NewVoice(quarantineReason: .tooFast) : nil
        // Now and then another form's response, with the same question ids, lands between them.
        let form = Int.random(in: 0..<5, using: &generator) == 0 ? "other" : "survey"
        return try await database.responses.submit(
            respondentKey: nil, formID: form, formVersion: 1, answers: answers, at: Date(timeIntervalSince1970: seconds), voice: voice)!
    }

    @Test func countsEqualARecountAfterSubmissionsReleasesAndDeletions() async throws {
        var generator = SystemRandomNumberGenerator()
        var references: [String] = []
        for round in 0..<6 {
            for _ in 0..<40 { references.append(try await submitRandom(&generator)) }
            #expect(try await counted() == recount(), "round \(round)")
            // Release or delete some quarantined voices; the tally must notice either.
            for reference in references.shuffled(using: &generator).prefix(10) {
                let change: VoiceChange = Bool.random(using: &generator) ? .release : .delete
                for form in ["survey", "other"] {
                    try? await database.voices.change(voice: reference, formID: form, change, by: "lead", client: nil, at: Date())
                }
            }
            #expect(try await counted() == recount(), "round \(round), after review")
        }
        let tallied = try await database.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM rating_tally") }
        #expect(tallied ?? 0 > 0)
    }

    @Test func aResponseGivenTheIDOfADeletedOneIsStillCounted() async throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10 { _ = try await submitRandom(&generator) }
        // The newest response, another form's quarantined voice, is what the survey's tally counts through.
        let spam = try await database.responses.submit(
            respondentKey: nil, formID: "other", formVersion: 1, answers: ["duty": ["good"]], at: quarters[1].start,
            voice: NewVoice(quarantineReason: .tooFast))!
        #expect(try await counted() == recount())
        try await database.voices.change(voice: spam, formID: "other", .delete, by: "lead", client: nil, at: Date())
        // SQLite gives the next response the deleted id again.
        _ = try await database.responses.submit(
            respondentKey: nil, formID: "survey", formVersion: 1, answers: ["org": ["police"], "duty": ["full"], "strategy": ["none"]],
            at: quarters[1].start.addingTimeInterval(86_400 * 40))
        #expect(try await counted() == recount())
    }

    @Test func askingForOtherQuestionsRebuildsTheTally() async throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<30 { _ = try await submitRandom(&generator) }
        #expect(try await counted() == recount())
        let onlyDuty = try await database.reporting.ratingCounts(
            formID: "survey", questionIDs: ["duty"], organisationQuestionID: "org", periods: quarters)
        #expect(Set(onlyDuty.map(\.questionID)) == ["duty"])
        #expect(try await counted() == recount())
    }

    @Test func aPeriodSplitsIntoUTCMonthsAndTheSliversBetween() {
        let hour: TimeInterval = 3_600
        let summer = MonthSplit(quarters[1])  // 1 April 00:00 BST (31 March 23:00Z) to 1 July 00:00 BST
        #expect(summer.months == ["2025-04", "2025-05", "2025-06"])
        #expect(summer.added == [DateInterval(start: quarters[1].start, duration: hour)])
        #expect(summer.subtracted == [DateInterval(start: quarters[1].end, duration: hour)])
        let winter = MonthSplit(quarters[0])  // 1 January 00:00Z to 1 April 00:00 BST (31 March 23:00Z)
        #expect(winter.months == ["2025-01", "2025-02", "2025-03"])
        #expect(winter.added.isEmpty)
        #expect(winter.subtracted == [DateInterval(start: quarters[0].end, duration: hour)])
        let newYork = DateInterval(start: Date(timeIntervalSince1970: 1_743_480_000), end: Date(timeIntervalSince1970: 1_751_342_400))
        let west = MonthSplit(newYork)  // 1 April to 1 July, 04:00Z each
        #expect(west.months == ["2025-04", "2025-05", "2025-06"])
        #expect(west.subtracted == [DateInterval(start: Date(timeIntervalSince1970: 1_743_465_600), end: newYork.start)])
        #expect(west.added == [DateInterval(start: Date(timeIntervalSince1970: 1_751_328_000), end: newYork.end)])
        let short = DateInterval(start: Date(timeIntervalSince1970: 1_745_000_000), end: Date(timeIntervalSince1970: 1_745_100_000))
        #expect(MonthSplit(short).months.isEmpty)
        #expect(MonthSplit(short).added == [short])
    }
}
