import Foundation
import SVFormsCore
import Testing

/// Single situations from issue 3, each on its own small set of hand-built tallies.
@Suite struct MeasureScorerCaseTests {
    let fixture: ScoringFixture

    init() throws {
        fixture = try ScoringFixture()
    }

    private func score(_ tallies: [RatingTally], _ labels: [String]) -> MeasureReport {
        fixture.scorer.score(tallies, quarters: labels.map(fixture.quarter))
    }

    @Test func theScorerFindsTheRatingAndOrganisationQuestions() {
        #expect(fixture.scorer.ratedQuestionIDs == ["safe", "heard"])
        #expect(fixture.scorer.organisationQuestionID == "organisation")
    }

    @Test func dontKnowIsLeftOutOfTheDenominator() {
        let tallies = fixture.tallies(
            "2025/26 Q1",
            [
                ("test-police", "safe", "agree", 3), ("test-police", "safe", "disagree", 1),
                ("test-police", "safe", "dont-know", 6),
            ])
        // 3 met of 3 + 1 counted = 75.0, not 3/10 = 30.0.
        #expect(score(tallies, ["2025/26 Q1"]).quarters[0].overall.summary == "3/4 75.0 [30.1, 95.4] Δ -")
    }

    @Test func allMetAndNoneMet() {
        let tallies =
            fixture.tallies("2025/26 Q1", [("test-police", "safe", "agree", 6), ("test-council", "heard", "agree", 4)])
            + fixture.tallies("2025/26 Q2", [("test-police", "safe", "disagree", 6), ("test-council", "heard", "neutral", 4)])
        let report = score(tallies, ["2025/26 Q1", "2025/26 Q2"])
        // 10/10: lower = 10/13.8415 = 72.2, upper 100.0. 0/10: lower 0.0, upper 3.8415/13.8415 = 27.8; 0.0 − 100.0.
        #expect(report.quarters[0].overall.summary == "10/10 100.0 [72.2, 100.0] Δ -")
        #expect(report.quarters[1].overall.summary == "0/10 0.0 [0.0, 27.8] Δ -100.0")
    }

    @Test func responsesAtTheYearEndCountInTheQuarterOfTheBritishClock() {
        // The storage layer files each response under calendar.quarter(containing: submittedAt).
        let beforeMidnight = ISO8601DateFormatter().date(from: "2025-03-31T22:30:00Z")!  // 23:30 BST, 31 March
        let afterMidnight = ISO8601DateFormatter().date(from: "2025-03-31T23:30:00Z")!  // 00:30 BST, 1 April
        let tallies = [
            RatingTally(
                quarter: fixture.calendar.quarter(containing: beforeMidnight), organisationID: "test-police",
                questionID: "safe", value: "agree", count: 1),
            RatingTally(
                quarter: fixture.calendar.quarter(containing: afterMidnight), organisationID: "test-police",
                questionID: "safe", value: "disagree", count: 1),
        ]
        let report = score(tallies, ["2024/25 Q4", "2025/26 Q1"])
        // Old year's Q4: the agree, 1/1. New year's Q1: the disagree, 0/1; 0.0 − 100.0.
        #expect(report.quarters[0].overall.summary == "1/1 100.0 [20.7, 100.0] Δ -")
        #expect(report.quarters[1].overall.summary == "0/1 0.0 [0.0, 79.3] Δ -100.0")
    }

    @Test func aQuestionAddedInALaterVersionShowsNoRatingsInOlderQuarters() {
        // "heard" joined the questionnaire in 2025/26 Q1: older tallies simply lack it.
        let tallies =
            fixture.tallies("2024/25 Q4", [("test-police", "safe", "agree", 2), ("test-police", "safe", "neutral", 1)])
            + fixture.tallies(
                "2025/26 Q1",
                [
                    ("test-police", "safe", "agree", 1),
                    ("test-police", "heard", "agree", 1), ("test-police", "heard", "disagree", 1),
                ])
        let report = score(tallies, ["2024/25 Q4", "2025/26 Q1"])
        #expect(
            report.quarters[0].byQuestion.summaries == [
                "safe: 2/3 66.7 [20.8, 93.9] Δ -",  // 66.666… → 66.7
                "heard: 0/0 - [-, -] Δ -",
            ])
        #expect(report.quarters[0].byQuestion[1].figure.note == "No ratings")
        #expect(
            report.quarters[1].byQuestion.summaries == [
                "safe: 1/1 100.0 [20.7, 100.0] Δ 33.3",  // 100.0 − 66.7
                "heard: 1/2 50.0 [9.5, 90.5] Δ -",  // nothing to compare with
            ])
        // Overall: Q4 2/3 = 66.7; Q1 2/3 = 66.7 too, so the change is exactly 0.0.
        #expect(report.quarters[1].overall.summary == "2/3 66.7 [20.8, 93.9] Δ 0.0")
    }

    @Test func theFirstQuarterComparesWithTheQuarterBeforeOnlyWhenItsTalliesAreGiven() {
        let earlier = fixture.tallies("2024/25 Q3", [("test-pcc", "safe", "agree", 1), ("test-pcc", "safe", "disagree", 1)])
        let first = fixture.tallies("2024/25 Q4", [("test-police", "safe", "agree", 7), ("test-police", "safe", "disagree", 3)])
        // Given: 70.0 − 50.0 = 20.0. The PCC rated only in the earlier quarter, so it is not listed.
        let withEarlier = score(earlier + first, ["2024/25 Q4"]).quarters[0]
        #expect(withEarlier.overall.summary == "7/10 70.0 [39.7, 89.2] Δ 20.0")
        #expect(withEarlier.byOrganisation.map(\.id) == ["test-police"])
        #expect(withEarlier.byOrganisationType.map(\.id) == ["specified"])
        // Not given: no change.
        #expect(score(first, ["2024/25 Q4"]).quarters[0].overall.change == nil)
    }

    @Test func withNoQuartersThereIsNothingToReport() {
        let tallies = fixture.tallies("2024/25 Q4", [("test-police", "safe", "agree", 1)])
        #expect(score(tallies, []).quarters.isEmpty)
    }

    @Test func onlyQuestionsOnTheMeasuresScaleAreRatings() {
        // A questionnaire shaped like the role survey, built in code: two questions on the
        // "understanding" scale, one on another scale, and no organisation question.
        let understanding = RatingScale(
            name: "understanding",
            options: [
                Choice(value: "none", label: "No understanding"), Choice(value: "some", label: "Some understanding"),
                Choice(value: "good", label: "Good understanding"), Choice(value: "full", label: "Full understanding"),
                Choice(value: "not-applicable", label: "Not applicable", isExcluded: true),
            ])
        let confidence = RatingScale(name: "confidence", options: [Choice(value: "good", label: "Good")])
        let questionnaire = Questionnaire(
            id: "role", version: 1, title: "Role survey", audience: .invited,
            scales: ["understanding": understanding, "confidence": confidence],
            pages: [
                Page(
                    id: "ratings",
                    questions: [
                        Question(id: "duty", label: "The duty", kind: .rating(understanding)),
                        Question(id: "confident", label: "Confidence", kind: .rating(confidence)),
                        Question(id: "strategy", label: "The strategy", kind: .rating(understanding)),
                    ])
            ],
            measures: [Measure(id: "2.2.1.a", title: "Understand their role", scale: "understanding", met: ["good", "full"])])
        let scorer = MeasureScorer(measure: questionnaire.measures[0], questionnaire: questionnaire, partnership: fixture.partnership)
        #expect(scorer.ratedQuestionIDs == ["duty", "strategy"])
        #expect(scorer.organisationQuestionID == nil)

        let quarter = fixture.quarter("2025/26 Q3")
        let tallies = [
            ("duty", "good", 2), ("duty", "full", 1), ("duty", "some", 1), ("strategy", "none", 1),
            ("strategy", "not-applicable", 4), ("confident", "good", 9),
        ]
        .map { RatingTally(quarter: quarter, organisationID: nil, questionID: $0.0, value: $0.1, count: $0.2) }
        let score = scorer.score(tallies, quarters: [quarter]).quarters[0]
        // met 2 + 1 = 3 of 2 + 1 + 1 + 1 = 5 counted ("confident" is on another scale) → 60.0.
        #expect(score.overall.summary == "3/5 60.0 [23.1, 88.2] Δ -")
        #expect(score.byQuestion.summaries == ["duty: 3/4 75.0 [30.1, 95.4] Δ -", "strategy: 0/1 0.0 [0.0, 79.3] Δ -"])
        // With no organisation question, every rating is "Not stated".
        #expect(score.byOrganisation.summaries == [": 3/5 60.0 [23.1, 88.2] Δ -"])
        #expect(score.byOrganisationType.map(\.label) == ["Not stated"])
    }
}
