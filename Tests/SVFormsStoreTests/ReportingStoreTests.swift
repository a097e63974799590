import Foundation
import GRDB
import Testing

@testable import SVFormsStore

/// The SQL that puts responses into reporting periods and counts their ratings.
@Suite struct ReportingStoreTests {
    let database: AppDatabase

    init() throws {
        database = try AppDatabase(
            directory: FileManager.default.temporaryDirectory.appendingPathComponent("svforms-reporting-\(UUID().uuidString)").path)
    }

    /// 2024/25 Q4 and 2025/26 Q1 in Europe/London: the year turns at 2025-03-31T23:00:00Z (midnight BST).
    let q4 = DateInterval(start: Date(timeIntervalSince1970: 1_735_689_600), end: Date(timeIntervalSince1970: 1_743_462_000))
    let q1 = DateInterval(start: Date(timeIntervalSince1970: 1_743_462_000), end: Date(timeIntervalSince1970: 1_751_324_400))

    private func submit(_ form: String, _ answers: [String: [String]], at seconds: TimeInterval) async throws {
        _ = try await database.responses.submit(
            respondentKey: nil, formID: form, formVersion: 1, answers: answers, at: Date(timeIntervalSince1970: seconds))
    }

    @Test func responsesFallIntoTheQuarterOfTheirInstant() async throws {
        try await submit("survey", ["org": ["police"], "duty": ["good"]], at: 1_743_460_200)  // 22:30Z 31 March = 23:30 BST: Q4
        try await submit("survey", ["org": ["police"], "duty": ["full"]], at: 1_743_463_800)  // 23:30Z 31 March = 00:30 BST: Q1
        try await submit("survey", ["org": ["police"], "duty": ["good"]], at: 1_743_461_999.999)  // the last millisecond of Q4
        try await submit("survey", ["org": ["police"], "duty": ["good"]], at: 1_743_462_000)  // the first instant of Q1
        let counts = try await database.reporting.ratingCounts(
            formID: "survey", questionIDs: ["duty"], organisationQuestionID: "org", periods: [q4, q1])
        let byPeriod = Dictionary(grouping: counts, by: \.period).mapValues { $0.map { "\($0.value)×\($0.count)" }.sorted() }
        #expect(byPeriod[0] == ["good×2"])
        #expect(byPeriod[1] == ["full×1", "good×1"])
        #expect(try await database.reporting.responseCounts(formID: "survey", periods: [q4, q1]) == [2, 2])
    }

    /// The tally is a cache: when storage refuses the refresh, page views still get exact counts.
    @Test func countsStayExactWhenStorageRefusesTheTallyRefresh() async throws {
        try await submit("survey", ["org": ["police"], "duty": ["good"]], at: 1_745_000_000)
        try await submit("survey", ["org": ["police"], "duty": ["good"]], at: 1_745_000_100)
        try await database.writer.write { try $0.execute(sql: "PRAGMA query_only = ON") }  // the writer refuses writes
        let counts = try await database.reporting.ratingCounts(formID: "survey", questionIDs: ["duty"], organisationQuestionID: "org", periods: [q1])
        #expect(counts == [RatingCount(period: 0, organisationID: "police", questionID: "duty", value: "good", count: 2)])
        let tallied = try await database.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM rating_tally_source") }
        #expect(tallied == 0, "nothing was written")
    }

    @Test func otherFormsAndMissingOrganisationsAreHandled() async throws {
        try await submit("survey", ["org": ["police"], "duty": ["good"]], at: 1_745_000_000)
        try await submit("survey", ["duty": ["some"]], at: 1_745_000_000)  // named no organisation
        try await submit("other", ["org": ["police"], "duty": ["good"]], at: 1_745_000_000)  // same question ids, another form
        let counts = try await database.reporting.ratingCounts(formID: "survey", questionIDs: ["duty"], organisationQuestionID: "org", periods: [q1])
        #expect(counts.count == 2)
        #expect(counts.contains(RatingCount(period: 0, organisationID: "police", questionID: "duty", value: "good", count: 1)))
        #expect(counts.contains(RatingCount(period: 0, organisationID: nil, questionID: "duty", value: "some", count: 1)))
        let snapshot = try await database.reporting.exportSnapshot(formID: "survey")
        #expect(snapshot.count == 2)
        // A public-link response waiting for a lead is neither written nor counted in the audit.
        _ = try await database.responses.submit(
            respondentKey: nil, formID: "survey", formVersion: 1, answers: ["org": ["police"], "duty": ["none"]],
            at: Date(timeIntervalSince1970: 1_745_000_001), linkResponse: NewLinkResponse())
        let withWaiting = try await database.reporting.exportSnapshot(formID: "survey")
        #expect(withWaiting.count == 2 && withWaiting.lastID == snapshot.lastID)
        let batch = try await database.reporting.responses(formID: "survey", after: 0, limit: 10)
        #expect(batch.map(\.answers["duty"]) == [["good"], ["some"]])
    }

    @Test func exportsPageThroughResponsesInOrder() async throws {
        for index in 0..<7 { try await submit("survey", ["n": ["\(index)"]], at: 1_745_000_000 + Double(index)) }
        try await submit("other", ["n": ["x"]], at: 1_745_000_000)
        var seen: [String] = []
        var after: Int64 = 0
        while true {
            let batch = try await database.reporting.responses(formID: "survey", after: after, limit: 3)
            guard let last = batch.last else { break }
            seen += batch.compactMap { $0.answers["n"]?.first }
            after = last.id
        }
        #expect(seen == (0..<7).map(String.init))
    }

    @Test func exportBatchesSkipOtherFormsAndQuarantinedVoicesBetweenTheirRows() async throws {
        for index in 0..<9 {
            try await submit(index % 3 == 1 ? "other" : "survey", ["n": ["\(index)"]], at: 1_745_000_000 + Double(index))
        }
        // The response holding "3" is a voice in quarantine: left out like everywhere else.
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO voice (response_id, form_id, status) SELECT response_id, 'survey', 'quarantined'
                    FROM answer WHERE question_id = 'n' AND value = '3'
                    """)
        }
        var seen: [[String]] = []
        var after: Int64 = 0
        while let batch = try await database.reporting.responses(formID: "survey", after: after, limit: 2).nilIfEmpty {
            seen += batch.map { $0.answers["n"] ?? [] }
            after = batch.last!.id
        }
        #expect(seen == [["0"], ["2"], ["5"], ["6"], ["8"]])
    }

    @Test func theRatingQueryIsDrivenByTheFormIndex() async throws {
        try await submit("survey", ["org": ["police"], "duty": ["good"]], at: 1_745_000_000)
        let (table, periodArguments) = AppDatabase.periodTable([q1])
        var arguments = periodArguments
        arguments += ["duty", "org", "survey", 0, Int64.max]
        let sql = "EXPLAIN QUERY PLAN " + AppDatabase.ratingCountsSQL(periodTable: table, questionCount: 1)
        let finalArguments = arguments
        let plan = try await database.writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: finalArguments).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("response_by_form") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN response") || $0.hasPrefix("SCAN rating") }, "\(plan)")
    }

    @Test func responsesNotYetTalliedAreFoundByWalkingTheirIDs() async throws {
        try await submit("survey", ["org": ["police"], "duty": ["good"]], at: 1_745_000_000)
        let (table, periodArguments) = AppDatabase.periodTable([q1])
        var arguments = periodArguments
        arguments += ["duty", "org", "survey", 1_000, Int64.max]
        let sql = "EXPLAIN QUERY PLAN " + AppDatabase.ratingCountsSQL(periodTable: table, questionCount: 1, walkingIDs: true)
        let finalArguments = arguments
        let plan = try await database.writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: finalArguments).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.hasPrefix("SEARCH response USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)") }, "\(plan)")
    }
}

extension Array {
    fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
