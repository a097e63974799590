import Mustache
import SVFormsCore

/// The "Are you sure?" step before anything public or irreversible (GOV.UK's confirmation pattern): it names
/// what will happen, and its one button posts the same fields again with `confirm=yes`, so the action itself
/// is still one POST with anti-forgery. A POST of such an action without `confirm=yes` answers with this page.
struct ConfirmActionView: PageView {
    var layout: LayoutView
    /// "Are you sure you want to remove Jo Bloggs from the round?"
    var heading: String
    /// What will happen, one sentence each.
    var consequences: [String]
    /// Things to check first ("2026/27 Q3 has no figure for 2.1.1.a"), shown as a warning.
    var warnings: [String] = []
    var actionHref: String
    /// What the first step posted, sent again unchanged.
    var fields: [(name: String, value: String)] = []
    var csrfToken: String
    var buttonText: String
    /// Publishing is green; removing, deleting and withdrawing are red.
    var isDestructive: Bool = true
    var cancelHref: String
    var cancelText: String = "No, go back"

    func field(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "consequences": consequences
        case "warnings": warnings.isEmpty ? nil : warnings
        case "actionHref": actionHref
        case "hiddenFields": fields.map { HiddenField(name: $0.name, value: $0.value) }
        case "csrfToken": csrfToken
        case "buttonText": buttonText
        case "isDestructive": isDestructive
        case "cancelHref": cancelHref
        case "cancelText": cancelText
        default: nil
        }
    }

    struct HiddenField: Sendable, MustacheParent {
        var name: String
        var value: String
        func child(named key: String) -> Any? {
            switch key {
            case "fieldName": name
            case "fieldValue": value
            default: nil
            }
        }
    }
}

extension FormInput {
    /// Whether the confirmation page's button sent this post (see `ConfirmActionView`).
    var isConfirmed: Bool { value("confirm") == "yes" }
}
