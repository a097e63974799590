import Mustache
import SVFormsCore

/// What every page shows around its content: title, header, safeguarding panel, exit link.
struct LayoutView: Sendable, MustacheParent {
    var pageTitle: String
    var serviceName: String
    var stylesheetPath: String
    /// Public forms show where to get help and a way to leave quickly.
    var isPublicForm: Bool = false
    var contacts: [ContactView] = []
    /// The questionnaire's start page, linked from the header while answering it.
    var formTitle: String?
    var formHref: String?

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
        default: nil
        }
    }
}

/// A safeguarding contact as shown on public pages.
struct ContactView: Sendable, MustacheParent {
    let contact: SafeguardingContact

    func child(named name: String) -> Any? {
        switch name {
        case "contactName": contact.name
        case "hasPhone": contact.phone != nil
        case "contactPhone": contact.phone
        // `tel:` links work from a phone, where most people arrive from a poster.
        case "contactTelHref": contact.phone.map { "tel:" + $0.filter(\.isNumber) }
        case "hasURL": contact.url != nil
        case "contactURL": contact.url
        case "hasDescription": contact.description != nil
        case "contactDescription": contact.description
        default: nil
        }
    }
}

/// A page: its own fields first, then the layout's.
protocol PageView: MustacheParent, Sendable {
    var layout: LayoutView { get }
    func field(named name: String) -> Any?
}

extension PageView {
    func child(named name: String) -> Any? {
        field(named: name) ?? layout.child(named: name)
    }
}
