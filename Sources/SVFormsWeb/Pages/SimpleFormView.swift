import Mustache

/// A signed-out admin form — sign in, create the first admin — made of plain labelled inputs.
struct SimpleFormView: PageView {
    var layout: LayoutView
    var heading: String
    var intro: [String] = []
    /// A message shown above the form, such as "You have signed out."
    var notice: String?
    var fields: [QuestionView]
    var errors: [ErrorLinkView]
    var actionHref: String
    var csrfToken: String
    var buttonText: String

    func field(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "intro": intro
        case "notice": notice
        case "fields": fields
        case "hasErrors": !errors.isEmpty
        case "errors": errors
        case "actionHref": actionHref
        case "csrfToken": csrfToken
        case "buttonText": buttonText
        default: nil
        }
    }
}

extension QuestionView {
    /// A plain labelled text box (not from a questionnaire).
    static func input(
        name: String, label: String, type: String = "text", value: String? = nil, error: String? = nil,
        autocomplete: String? = nil, hint: String? = nil
    ) -> QuestionView {
        var view = QuestionView(
            control: .textInput, name: name, label: label, hint: hint, error: error, isPageHeading: false, value: value)
        view.inputType = type
        view.autocomplete = autocomplete
        view.spellcheck = type == "text" ? nil : false
        return view
    }
}

extension ErrorLinkView {
    /// A summary link to the input named `name`.
    init(name: String, message: String) {
        href = "#" + QuestionView.htmlID(name)
        self.message = message
    }
}
