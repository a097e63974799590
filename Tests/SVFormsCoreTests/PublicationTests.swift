import SVFormsCore
import Testing

/// The published report's rules over counts, at and around each threshold.
@Suite struct PublicationTests {
    @Test(arguments: [(4, 40, false), (5, 4, false), (5, 5, true), (40, 4, false), (0, 0, false), (12, 30, true)])
    func aFigureNeedsFiveResponsesAndFiveRatings(_ responses: Int, _ ratings: Int, _ shown: Bool) {
        #expect(Publication.showsFigure(responses: responses, ratings: ratings) == shown)
    }

    @Test func aTrendPointNeedsFiveResponsesUnlessThereIsNothingToHide() {
        #expect(!Publication.showsTrendPoint(responses: 4, ratings: 12))
        #expect(Publication.showsTrendPoint(responses: 5, ratings: 12))
        #expect(Publication.showsTrendPoint(responses: 0, ratings: 0), "no ratings: the scorer's own note shows")
    }

    @Test func countsOfPeopleUnderFiveAndTheAuthoritiesBesideThemAreWithheld() {
        #expect(Publication.count(4) == nil && Publication.count(5) == 5 && Publication.count(0) == nil)
        #expect(Publication.authorities(4, besidePeople: 4) == nil, "4 authorities beside fewer than 5 people gives 4 away")
        #expect(Publication.authorities(3, besidePeople: 9) == 3)
        #expect(Publication.tooFewText == "Fewer than 5 responses: not published")
    }
}
