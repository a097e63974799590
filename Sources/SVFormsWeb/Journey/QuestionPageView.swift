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
    /// On screened journeys: the signed time shown and the field people never see.
    var shownStamp: String?
    /// Shown instead of saving when too many forms were just started from the person's connection.
    var waitNotice: WaitNotice?

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
        case "waitNotice": waitNotice?.text
        default: nil
        }
    }
}

/// Why a page came back unsaved, and how long to wait: too many forms were started from one connection.
struct WaitNotice: Hashable {
    let seconds: Int

    var text: String {
        "A lot of forms have been started from your connection in the last few minutes, so we have paused it for a moment. "
            + "Your answers on this page are still below: wait " + (seconds <= 60 ? "a minute" : "\((seconds + 59) / 60) minutes")
            + ", then press Continue again."
    }
}
