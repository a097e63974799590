import Mustache
import SVFormsCore

/// What every page shows around its content: title, header, safeguarding panel, exit link.
struct LayoutView: Sendable, Hashable, MustacheParent {
    var pageTitle: String
    var serviceName: String
    var stylesheetPath: String
    /// Public forms show where to get help and a way to leave quickly.
    var isPublicForm: Bool = false
    var contacts: [ContactView] = []
    /// The questionnaire's start page, linked from the header while answering it.
    var formTitle: String?
    var formHref: String?
    /// Set on signed-in pages: the navigation and the sign-out button.
    var signedIn: SignedInView?
    /// Pages of tables use the full width.
    var isWide = false

    func child(named name: String) -> Any? {
        switch name {
        case "pageTitle": pageTitle
        case "serviceName": serviceName
        case "stylesheetPath": stylesheetPath
        case "isPublicForm": isPublicForm
        case "contacts": contacts
        case "hasContacts": !contacts.isEmpty
        case "formTitle": formTitle
        case "formHref": formHref
        case "signedIn": signedIn
        case "isWide": isWide
        default: nil
        }
    }
}
