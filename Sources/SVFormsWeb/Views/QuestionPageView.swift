import Mustache
import SVFormsCore

/// A question page: one question, or a titled group, with the error summary when there are problems.
struct QuestionPageView: PageView, Hashable {
    var layout: LayoutView
    /// The page title when the page groups several questions.
    var heading: String?
    var questions: [QuestionView]
    var errors: [ErrorLinkView]
    var backHref: String
    var actionHref: String
    var csrfToken: String
    /// On community voices: the signed time shown and the field people never see.
    var shownStamp: String?

    func field(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "questions": questions
        case "hasErrors": !errors.isEmpty
        case "errors": errors
        case "backHref": backHref
        case "actionHref": actionHref
        case "csrfToken": csrfToken
        case "shownStamp": shownStamp
        default: nil
        }
    }
}
