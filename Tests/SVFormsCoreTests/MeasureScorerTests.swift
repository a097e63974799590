import Foundation
import SVFormsCore
import Testing

/// Scores a year of hand-built tallies on the fixture questionnaire. Every expected figure is
/// worked by hand: "met/counted percentage [Wilson 95% bounds] Δ change in points", with
/// "Don't know" left out of the counted ratings. Wilson bounds checked in Python.
@Suite struct MeasureScorerTests {
    let fixture: ScoringFixture
    let report: MeasureReport

    init() throws {
        fixture = try ScoringFixture()
        let tallies =
            fixture.tallies(
                "2024/25 Q4",
                [
                    ("test-police", "safe", "agree", 4), ("test-police", "safe", "disagree", 1),
                    ("test-police", "safe", "dont-know", 2),
                    ("test-police", "heard", "agree", 3), ("test-police", "heard", "neutral", 2),
                    ("test-schools", "safe", "agree", 1), ("test-schools", "safe", "disagree", 1),
                    (nil, "safe", "neutral", 1),
                ])
            + fixture.tallies(
                "2025/26 Q1",
                [
                    ("test-police", "safe", "agree", 2), ("test-police", "safe", "disagree", 2),
                    ("test-police", "safe", "dont-know", 1),
                    ("test-council", "heard", "agree", 1), ("test-council", "heard", "neutral", 3),
                    ("test-charity", "safe", "agree", 2),
                    ("test-gone", "heard", "agree", 1),  // an organisation no longer in the partnership
                    // Ignored: not an option of the current scale, not a rating question, no ratings.
                    ("test-police", "safe", "strongly-agree", 5), ("test-police", "colour", "red", 2),
                    ("test-pcc", "safe", "agree", 0),
                ])
            // 2025/26 Q2 has no responses at all.
            + fixture.tallies(
                "2025/26 Q3",
                [
                    ("test-police", "safe", "disagree", 3), ("test-police", "safe", "dont-know", 1),
                    ("test-schools", "heard", "dont-know", 2),
                ])
            // Neither reported nor the quarter before the first one reported: ignored.
            + fixture.tallies("2023/24 Q1", [("test-prison", "safe", "agree", 9)])
        let quarters = fixture.calendar.quarters(from: fixture.quarter("2024/25 Q4"), through: fixture.quarter("2025/26 Q3"))
        report = fixture.scorer.score(tallies, quarters: quarters)
    }

    private func score(_ label: String) throws -> QuarterScore {
        try #require(report.score(for: fixture.quarter(label)))
    }

    @Test func everyQuarterAskedForIsReportedOldestFirst() {
        #expect(report.measure.id == "9.9.9.z")
        #expect(report.quarters.map(\.quarter.label) == ["2024/25 Q4", "2025/26 Q1", "2025/26 Q2", "2025/26 Q3"])
    }

    @Test func overallFigureByQuarter() throws {
        // Q4: met 4 + 3 + 1 = 8; counted 5 + 5 + 2 + 1 = 13 (2 "Don't know" left out); 8/13 = 61.538… → 61.5.
        #expect(try score("2024/25 Q4").overall.summary == "8/13 61.5 [35.5, 82.3] Δ -")
        // Q1: met 2 + 1 + 2 + 1 = 6; counted 4 + 4 + 2 + 1 = 11; 6/11 = 54.545… → 54.5; 54.5 − 61.5 = −7.0.
        #expect(try score("2025/26 Q1").overall.summary == "6/11 54.5 [28.0, 78.7] Δ -7.0")
        // Q2: empty; no percentage, and no change either side of it.
        #expect(try score("2025/26 Q2").overall.summary == "0/0 - [-, -] Δ -")
        #expect(try score("2025/26 Q2").overall.note == "No ratings")
        // Q3: none met, 0/3 (1 "Don't know" left out): lower bound exactly 0, upper 3.8415/6.8415 = 56.1.
        #expect(try score("2025/26 Q3").overall.summary == "0/3 0.0 [0.0, 56.1] Δ -")
        #expect(try score("2025/26 Q3").overall.note == "Fewer than 10 ratings: treat with caution")
    }

    @Test func byOrganisationTypeInTypeOrderThenNotStated() throws {
        // Every type with ratings in some reported quarter, in the same order every quarter.
        #expect(
            try score("2024/25 Q4").byOrganisationType.summaries == [
                "specified: 7/10 70.0 [39.7, 89.2] Δ -",  // police 4 + 3 of 5 + 5
                "relevant: 1/2 50.0 [9.5, 90.5] Δ -",  // schools
                "other: 0/0 - [-, -] Δ -",  // no ratings until Q1
                ": 0/1 0.0 [0.0, 79.3] Δ -",  // the response naming no organisation
            ])
        #expect(
            try score("2025/26 Q1").byOrganisationType.summaries == [
                "specified: 3/8 37.5 [13.7, 69.4] Δ -32.5",  // police 2/4 + council 1/4; 37.5 − 70.0
                "relevant: 0/0 - [-, -] Δ -",
                "other: 2/2 100.0 [34.2, 100.0] Δ -",  // all met: upper bound 100.0
                ": 1/1 100.0 [20.7, 100.0] Δ 100.0",  // the departed organisation; 100.0 − 0.0
            ])
        #expect(
            try score("2024/25 Q4").byOrganisationType.map(\.label) == [
                "Specified authorities", "Relevant authorities", "Other organisations", "Not stated",
            ])
    }

    @Test func byOrganisationInPartnershipOrderThenNotStated() throws {
        // Prison (only in an unreported quarter) and PCC (a zero count) have no ratings: not listed.
        #expect(
            try score("2025/26 Q1").byOrganisation.summaries == [
                "test-police: 2/4 50.0 [15.0, 85.0] Δ -20.0",  // 50.0 − 70.0
                "test-council: 1/4 25.0 [4.6, 69.9] Δ -",  // no ratings in Q4
                "test-schools: 0/0 - [-, -] Δ -",
                "test-charity: 2/2 100.0 [34.2, 100.0] Δ -",
                ": 1/1 100.0 [20.7, 100.0] Δ 100.0",  // test-gone
            ])
        #expect(
            try score("2025/26 Q1").byOrganisation.map(\.label) == [
                "Testshire Police", "Testshire Council", "Testshire Schools", "Testshire Youth Charity", "Not stated",
            ])
        // Only "Don't know" from the schools in Q3: they rated, but nothing is counted.
        #expect(try score("2025/26 Q3").byOrganisation.first { $0.id == "test-schools" }?.figure.summary == "0/0 - [-, -] Δ -")
    }

    @Test func byQuestionInQuestionnaireOrder() throws {
        // Q4 safe: met 4 + 1 = 5, counted 5 + 2 + 1 = 8 → 62.5; heard: 3/5 → 60.0.
        #expect(
            try score("2024/25 Q4").byQuestion.summaries == [
                "safe: 5/8 62.5 [30.6, 86.3] Δ -",
                "heard: 3/5 60.0 [23.1, 88.2] Δ -",
            ])
        // Q1 safe: met 2 + 2 = 4, counted 4 + 2 = 6 → 66.7 (66.666…), 66.7 − 62.5 = 4.2;
        // heard: met 1 + 1 = 2, counted 4 + 1 = 5 → 40.0, 40.0 − 60.0 = −20.0.
        #expect(
            try score("2025/26 Q1").byQuestion.summaries == [
                "safe: 4/6 66.7 [30.0, 90.3] Δ 4.2",
                "heard: 2/5 40.0 [11.8, 76.9] Δ -20.0",
            ])
        #expect(try score("2025/26 Q2").byQuestion.map(\.label) == ["I feel safe", "I feel heard"])
    }

    @Test func theBreakdownsAddUpToTheOverallFigure() {
        for quarter in report.quarters {
            for breakdown in [quarter.byOrganisationType, quarter.byOrganisation, quarter.byQuestion] {
                #expect(breakdown.map(\.figure.numerator).reduce(0, +) == quarter.overall.numerator)
                #expect(breakdown.map(\.figure.denominator).reduce(0, +) == quarter.overall.denominator)
            }
        }
    }
}
