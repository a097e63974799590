import Mustache

/// "Check your answers": every shown question with its answer and a Change link.
struct CheckAnswersView: PageView {
    var layout: LayoutView
    var rows: [AnswerRowView]
    var backHref: String
    var actionHref: String
    var csrfToken: String
    /// On community voices: the signed time shown and the field people never see.
    var shownStamp: String?
    /// For a personal invitation: where a confirmation email with the reference can go, if they ask.
    var receiptAddress: String?

    /// The checkbox asking for that email.
    static let receiptField = "confirmation-email"

    func field(named name: String) -> Any? {
        switch name {
        case "rows": rows
        case "backHref": backHref
        case "actionHref": actionHref
        case "csrfToken": csrfToken
        case "shownStamp": shownStamp
        case "receiptAddress": receiptAddress
        case "receiptField": Self.receiptField
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
