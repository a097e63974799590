import Mustache
/// A questionnaire's start page.
struct StartPageView: PageView {
    var layout: LayoutView
    var title: String
    var description: [String]
    var privacy: [String]
    var estimatedMinutes: Int?
    var startHref: String
    /// Set when this browser has answers in progress.
    var resumeHref: String?

    func field(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "privacy": privacy.isEmpty ? nil : privacy
        case "estimatedMinutes": estimatedMinutes
        case "startHref": startHref
        case "resumeHref": resumeHref
        default: nil
        }
    }
}

/// The home page: the public questionnaires.
struct IndexPageView: PageView {
    var layout: LayoutView
    var partnershipName: String
    var forms: [FormLinkView]

    func field(named name: String) -> Any? {
        switch name {
        case "partnershipName": partnershipName
        case "forms": forms.isEmpty ? nil : forms
        default: nil
        }
    }
}

struct FormLinkView: Sendable, MustacheParent {
    var href: String
    var title: String
    var summary: String?

    func child(named name: String) -> Any? {
        switch name {
        case "linkHref": href
        case "linkTitle": title
        case "hasSummary": summary != nil
        case "linkSummary": summary
        default: nil
        }
    }
}
