import Mustache

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
