import Foundation
import Logging
import SVFormsCore
import Testing

@testable import SVFormsWeb

/// A page served from its pre-rendered copy must be byte for byte what Mustache renders in full,
/// whatever the per-request strings hold.
@Suite struct PrerenderedPageTests {
    /// Strings a token or link never holds, but escaping must get right if one did.
    static let awkward = ["a<b>&\"c'd", "&amp;", "\u{1}0&\u{2}", "é\u{301}<\u{301}", "", "plain-token_123"]

    private func site(_ forms: String) async throws -> Site {
        try await makeSite(testConfiguration(forms: forms), logger: Logger(label: "test")).0
    }

    /// Every page of every questionnaire, with no answers and with each choice question's first option chosen.
    private func views(_ site: Site) -> [QuestionPageView] {
        var generator = SystemRandomNumberGenerator()
        return site.catalog.questionnaires.flatMap { questionnaire in
            questionnaire.pages.flatMap { page in
                [false, true].map { choosing in
                    var fields: [String: [String]] = [:]
                    if choosing {
                        for question in page.questions { if let first = question.kind.choices?.first { fields[question.id] = [first.value] } }
                    }
                    let questions = page.questions.map {
                        QuestionView($0, input: FormInput(fields), problem: nil, isPageHeading: page.questions.count == 1)
                    }
                    var layout = site.presenter.layout(title: page.title ?? questionnaire.title, questionnaire: questionnaire)
                    layout.formHref = Self.awkward.randomElement(using: &generator)! + "/i/token"
                    return QuestionPageView(
                        layout: layout, heading: page.title, questions: questions, errors: [],
                        backHref: Self.awkward.randomElement(using: &generator)!, actionHref: "/f/\(questionnaire.id)/\(page.id)",
                        csrfToken: Self.awkward.randomElement(using: &generator)!,
                        shownStamp: questionnaire.voices == nil ? nil : Self.awkward.randomElement(using: &generator)!)
                }
            }
        }
    }

    @Test(arguments: [Repository.surreyForms, Repository.everyTypeForms, Repository.hampshireForms])
    func everyPageComesOutTheSameAsAFullRender(forms: String) async throws {
        let site = try await site(forms)
        let views = views(site)
        #expect(views.count > 10)
        for round in 0..<2 {  // the first round renders each shape, the second fills the kept copies
            for view in views {
                let full = site.renderer.html(.question, view)
                let prerendered = site.renderer.prerenderedHTML(.question, view)
                #expect(prerendered == full, "round \(round), \(view.actionHref)")
            }
        }
    }

    @Test func pagesShowingTypedAnswersOrErrorsAreNeverKept() async throws {
        let site = try await site(Repository.everyTypeForms)
        let questionnaire = try #require(site.catalog.questionnaires.first)
        let textQuestion = try #require(questionnaire.questions.first { $0.kind.choices == nil })
        let typed = QuestionView(textQuestion, input: FormInput([textQuestion.id: ["my own words"]]), problem: nil, isPageHeading: true)
        let view = QuestionPageView(
            layout: site.presenter.layout(title: "t"), heading: nil, questions: [typed], errors: [], backHref: "/b", actionHref: "/a",
            csrfToken: "token", shownStamp: nil)
        #expect(view.shape() == nil)
        #expect(site.renderer.prerenderedHTML(.question, view) == nil)
    }

    @Test func aMarkerTheTemplateAlteredIsNotCut() {
        #expect(PrerenderedPages.cut("<p>\u{1}0&a\u{2}</p>", holeCount: 1) == nil)
        #expect(PrerenderedPages.cut("<p>\u{1}7&\u{2}</p>", holeCount: 1) == nil)
        let page = PrerenderedPages.cut("<a href=\"\u{1}0&amp;\u{2}\">\u{1}0&\u{2}</a>", holeCount: 1)
        #expect(page?.filled(with: ["<x>"]) == "<a href=\"&lt;x&gt;\"><x></a>")
    }
}
