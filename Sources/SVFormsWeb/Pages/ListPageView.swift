import Mustache

/// A heading, a sentence and a list of links with a status each: the lists of reports.
struct ListPageView: PageView {
    struct Row: Sendable, MustacheParent {
        var label: String
        var href: String
        var status: String

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "href": href
            case "publishedText": status
            default: nil
            }
        }
    }

    var layout: LayoutView
    var heading: String
    var intro: String
    var rows: [Row]
    var emptyText: String?

    func field(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "intro": intro
        case "rows": rows
        case "hasRows": !rows.isEmpty
        case "emptyText": emptyText
        default: nil
        }
    }
}
