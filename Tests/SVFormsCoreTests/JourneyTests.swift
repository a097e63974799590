import SVFormsCore
import Testing

@Suite struct JourneyTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try Fixtures.everyTypeQuestionnaire()
    }

    private func journey(_ answers: Answers = [:], completed: [String] = []) -> Journey {
        Journey(questionnaire: questionnaire, draft: Draft(answers: answers, completedPages: completed))
    }

    @Test func conditionalPagesAppearOnlyWhenTheirAnswerMatches() {
        let pages = { (j: Journey) in j.visiblePages.map(\.id) }
        #expect(!pages(journey()).contains("colour-other"))
        #expect(!pages(journey()).contains("email"))
        #expect(pages(journey(["colour": ["other"]])).contains("colour-other"))
        #expect(!pages(journey(["colour": ["red"]])).contains("colour-other"))
        #expect(pages(journey(["consent": ["yes"]])).contains("email"))
    }

    @Test func nextAndPreviousSkipHiddenPages() {
        let plain = journey(["colour": ["red"]])
        #expect(plain.page(after: "colour")?.id == "worries")
        #expect(plain.page(before: "worries")?.id == "colour")
        let other = journey(["colour": ["other"]])
        #expect(other.page(after: "colour")?.id == "colour-other")
        #expect(other.page(before: "worries")?.id == "colour-other")
        #expect(plain.page(before: "organisation") == nil)
        #expect(journey().page(after: "consent") == nil)
    }

    @Test func canVisitOnlyOnceEarlierPagesAreAnswered() {
        #expect(journey().canVisit("organisation"))
        #expect(!journey().canVisit("about"))
        #expect(journey(completed: ["organisation"]).canVisit("about"))
        #expect(!journey(completed: ["organisation"]).canVisit("area"))
        #expect(!journey().canVisit("no-such-page"))
        // A hidden page cannot be visited, even with everything before it answered.
        #expect(!journey(["colour": ["red"]], completed: ["organisation", "about", "area", "colour"]).canVisit("colour-other"))
    }

    @Test func answeringAPageMovesOnOrBackToCheck() {
        let allPages = ["organisation", "about", "area", "colour", "worries", "ratings", "count", "when", "story", "consent"]
        let almost = journey(["colour": ["red"]], completed: Array(allPages.dropLast()))
        let page = questionnaire.page(id: "consent")!
        let finished = Journey(questionnaire: questionnaire, draft: almost.answering(page, with: [:]))
        #expect(finished.isComplete)
        #expect(finished.destination(after: "consent", returningToCheck: false) == .checkAnswers)
        #expect(finished.destination(after: "colour", returningToCheck: true) == .checkAnswers)
        #expect(finished.destination(after: "colour", returningToCheck: false) == .page("worries"))

        // Changing an answer from check-your-answers that opens a new page goes there first.
        let changed = Journey(
            questionnaire: questionnaire,
            draft: finished.answering(questionnaire.page(id: "consent")!, with: ["consent": ["yes"]]))
        #expect(!changed.isComplete)
        #expect(changed.destination(after: "consent", returningToCheck: true) == .page("email"))
    }

    @Test func hiddenAnswersAreNeverSubmitted() {
        let answers: Answers = ["colour": ["red"], "colour-other": ["teal"], "consent": ["yes"], "email": ["a@example.org"]]
        let submitted = journey(answers).submittableAnswers
        #expect(submitted["colour-other"] == nil)
        #expect(submitted["email"] == ["a@example.org"])
        let withdrawn = journey(answers.merging(["consent": []]) { $1 }).submittableAnswers
        #expect(withdrawn["email"] == nil)
    }

    @Test func answeringReplacesOnlyThatPagesAnswers() {
        let before = journey(["name": ["Ada"], "role": ["Analyst"], "area": ["north"]])
        let draft = before.answering(questionnaire.page(id: "about")!, with: ["name": ["Grace"]])
        #expect(draft.answers == ["name": ["Grace"], "area": ["north"]])
        #expect(draft.completedPages == ["about"])
    }
}
