import Mustache
import SVFormsCore

/// A line of the error summary, linking to the input it is about.
struct ErrorLinkView: Sendable, Hashable, MustacheParent {
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
