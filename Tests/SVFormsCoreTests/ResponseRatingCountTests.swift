import Foundation
import SVFormsCore
import Testing

@Suite struct ResponseRatingCountTests {
    @Test func aResponsesRatingsAreCountedByTheMeasuresRules() throws {
        let catalog = try FormCatalog.load(directory: Fixtures.everyType)
        let questionnaire = try #require(catalog.questionnaire(id: "every-type"))
        let scorer = MeasureScorer(measure: questionnaire.measures[0], questionnaire: questionnaire, partnership: catalog.partnership)
        // safe = agree (met), heard = dont-know (excluded): 1 rated, 1 met.
        #expect(scorer.ratedAndMet(["safe": ["agree"], "heard": ["dont-know"], "colour": ["agree"]]) == (1, 1))
        // safe = disagree, heard = neutral: 2 rated, none met; an unknown value is ignored.
        #expect(scorer.ratedAndMet(["safe": ["disagree"], "heard": ["neutral"], "count": ["agree"]]) == (2, 0))
        #expect(scorer.ratedAndMet(["safe": ["strongly-agree"]]) == (0, 0))
    }
}
