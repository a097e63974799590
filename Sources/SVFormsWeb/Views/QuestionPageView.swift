import Mustache
import SVFormsCore

/// A question page: one question, or a titled group, with the error summary when there are problems.
struct QuestionPageView: PageView {
    var layout: LayoutView
    /// The page title when the page groups several questions.
    var heading: String?
    var questions: [QuestionView]
    var errors: [ErrorLinkView]
    var backHref: String
    var actionHref: String
    var csrfToken: String

    func field(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "questions": questions
        case "hasErrors": !errors.isEmpty
        case "errors": errors
        case "backHref": backHref
        case "actionHref": actionHref
        case "csrfToken": csrfToken
        default: nil
        }
    }
}

/// A line of the error summary, linking to the input it is about.
struct ErrorLinkView: Sendable, MustacheParent {
    var href: String
    var message: String

    /// Links to the input the problem names, or to the question's first input.
    init(_ problem: FieldProblem, question: Question) {
        href = "#" + QuestionView.htmlID(problem.field ?? question.inputNames[0])
        message = problem.message
    }

    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "message": message
        default: nil
        }
    }
}
