/// Which page comes next, which pages may be visited, and what gets submitted —
/// worked out from the questionnaire and the answers alone, with no HTTP involved.
public struct Journey: Sendable {
    public let questionnaire: Questionnaire
    public let draft: Draft

    /// Pages with at least one question shown, in order: worked out once, since every answer to
    /// "where next?" starts from it.
    public let visiblePages: [Page]

    public init(questionnaire: Questionnaire, draft: Draft) {
        self.questionnaire = questionnaire
        self.draft = draft
        visiblePages = questionnaire.pages.filter { page in page.questions.contains { Self.isVisible($0, questionnaire, draft) } }
    }

    /// Where to send the person after a page.
    public enum Destination: Sendable, Equatable {
        case page(String)
        case checkAnswers
    }

    /// A question is shown when it has no `show_if`, or when the question it looks at
    /// is itself shown and was answered with one of the listed values.
    public func isVisible(_ question: Question) -> Bool {
        Self.isVisible(question, questionnaire, draft)
    }

    private static func isVisible(_ question: Question, _ questionnaire: Questionnaire, _ draft: Draft) -> Bool {
        guard let rule = question.showIf else { return true }
        guard let source = questionnaire.question(id: rule.questionID), isVisible(source, questionnaire, draft) else { return false }
        return draft.answers[rule.questionID, default: []].contains(where: rule.values.contains)
    }

    public func visibleQuestions(on page: Page) -> [Question] {
        page.questions.filter(isVisible)
    }

    public func isCompleted(_ pageID: String) -> Bool {
        draft.completedPages.contains(pageID)
    }

    public var firstIncompletePage: Page? {
        visiblePages.first { !isCompleted($0.id) }
    }

    /// Every shown page has been answered: "Check your answers" may be visited and the form submitted.
    public var isComplete: Bool { firstIncompletePage == nil }

    /// A page may be visited when it is shown and every shown page before it has been answered.
    public func canVisit(_ pageID: String) -> Bool {
        let pages = visiblePages
        guard let index = pages.firstIndex(where: { $0.id == pageID }) else { return false }
        return pages[..<index].allSatisfy { isCompleted($0.id) }
    }

    public func page(after pageID: String) -> Page? {
        let pages = visiblePages
        guard let index = pages.firstIndex(where: { $0.id == pageID }), index + 1 < pages.count else { return nil }
        return pages[index + 1]
    }

    public func page(before pageID: String) -> Page? {
        let pages = visiblePages
        guard let index = pages.firstIndex(where: { $0.id == pageID }), index > 0 else { return nil }
        return pages[index - 1]
    }

    /// The draft after the person answers `page` with `answers` (its questions' previous answers replaced).
    public func answering(_ page: Page, with answers: Answers) -> Draft {
        var next = draft
        for question in page.questions { next.answers[question.id] = answers[question.id] }
        if !next.completedPages.contains(page.id) { next.completedPages.append(page.id) }
        return next
    }

    /// Where to go once `pageID` is answered. A person who came from "Check your answers"
    /// goes back there, unless their new answer opened a page they have not answered yet.
    public func destination(after pageID: String, returningToCheck: Bool) -> Destination {
        if !returningToCheck, let next = page(after: pageID) { return .page(next.id) }
        return firstIncompletePage.map { .page($0.id) } ?? .checkAnswers
    }

    /// The answers to submit: those of shown questions only, so nothing hidden by `show_if` is stored.
    public var submittableAnswers: Answers {
        var answers: Answers = [:]
        for page in visiblePages {
            for question in visibleQuestions(on: page) {
                if let values = draft.answers[question.id], !values.isEmpty { answers[question.id] = values }
            }
        }
        return answers
    }
}
