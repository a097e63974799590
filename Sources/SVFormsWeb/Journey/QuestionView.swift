import Mustache
import SVFormsCore

/// One question as its partial template shows it, with the person's input and any error.
struct QuestionView: Sendable, Hashable, MustacheParent {
    enum Control: String, Sendable, Hashable {
        case radios, checkboxes, textInput, textarea, dateInput
    }

    var control: Control
    var name: String
    var label: String
    var hint: String?
    var error: String?
    /// The question is the page's only one, so its label is the page heading.
    var isPageHeading: Bool
    var value: String?
    var inputType = "text"
    var inputMode: String?
    var autocomplete: String?
    var spellcheck: Bool?
    var options: [OptionView] = []
    var dateParts: [DatePartView] = []

    var htmlID: String { QuestionView.htmlID(name) }
    var hintID: String? { hint == nil ? nil : QuestionView.derivedID(htmlID, "hint") }
    var errorID: String? { error == nil ? nil : QuestionView.derivedID(htmlID, "error") }

    /// The id of the input named `name`: prefixed so it never collides with the page's own ids.
    static func htmlID(_ name: String) -> String { "q-\(name)" }

    /// Ids derived from an input's id join with a dot, which question ids (slugs) cannot
    /// contain, so `q-colour.hint` or `q-colour.2` can never be another question's id.
    static func derivedID(_ base: String, _ suffix: String) -> String { "\(base).\(suffix)" }

    func child(named name: String) -> Any? {
        switch name {
        case "isChoices": control == .radios || control == .checkboxes
        case "choiceClass": control == .radios ? "radios" : "checkboxes"
        case "choiceType": control == .radios ? "radio" : "checkbox"
        case "isTextInput": control == .textInput
        case "isTextarea": control == .textarea
        case "isDateInput": control == .dateInput
        case "name": self.name
        case "htmlID": htmlID
        case "label": label
        case "hasHint": hint != nil
        case "hint": hint
        case "hintID": hintID
        case "hasError": error != nil
        case "error": error
        case "errorID": errorID
        case "describedBy": describedBy
        case "isPageHeading": isPageHeading
        case "value": value ?? ""
        case "inputType": inputType
        case "inputMode": inputMode
        case "autocomplete": autocomplete
        case "spellcheckOff": spellcheck == false
        case "options": options
        case "dateParts": dateParts
        default: nil
        }
    }

    /// `aria-describedby` lists only ids that are on the page.
    var describedBy: String? {
        let ids = [hintID, errorID].compactMap { $0 }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }
}
