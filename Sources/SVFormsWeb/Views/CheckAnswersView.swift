import Mustache

/// "Check your answers": every shown question with its answer and a Change link.
struct CheckAnswersView: PageView {
    var layout: LayoutView
    var rows: [AnswerRowView]
    var backHref: String
    var actionHref: String
    var csrfToken: String

    func field(named name: String) -> Any? {
        switch name {
        case "rows": rows
        case "backHref": backHref
        case "actionHref": actionHref
        case "csrfToken": csrfToken
        default: nil
        }
    }
}

struct AnswerRowView: Sendable, MustacheParent {
    var question: String
    /// One line per value (multiple choice answers are listed).
    var answerLines: [String]
    var changeHref: String

    func child(named name: String) -> Any? {
        switch name {
        case "question": question
        case "answerLines": answerLines
        case "changeHref": changeHref
        default: nil
        }
    }
}

/// The confirmation page after a submission.
struct ConfirmationView: PageView {
    var layout: LayoutView
    var reference: String
    var nextSteps: [String]
    var startHref: String

    func field(named name: String) -> Any? {
        switch name {
        case "reference": reference
        case "nextSteps": nextSteps.isEmpty ? nil : nextSteps
        case "startHref": startHref
        default: nil
        }
    }
}

/// Not found, bad request, expired form, too large, unavailable, internal error.
struct ErrorPageView: PageView {
    var layout: LayoutView
    var heading: String
    var paragraphs: [String]
    /// For internal errors: the reference also written to the log.
    var reference: String?

    func field(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "paragraphs": paragraphs
        case "reference": reference
        default: nil
        }
    }
}
