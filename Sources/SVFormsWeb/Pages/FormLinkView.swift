import Mustache

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
