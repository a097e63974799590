import Mustache
import SVFormsCore

/// One radio or checkbox. Its names are distinct from the question's so that a missing
/// value (no hint) never falls through to the question's value of the same name.
struct OptionView: Sendable, Hashable, MustacheParent {
    var htmlID: String
    var value: String
    var label: String
    var hint: String?
    var isChecked: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "optionID": htmlID
        case "optionValue": value
        case "optionLabel": label
        case "hasOptionHint": hint != nil
        case "optionHint": hint
        case "optionHintID": QuestionView.derivedID(htmlID, "hint")
        case "isChecked": isChecked
        default: nil
        }
    }
}
