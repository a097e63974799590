import Mustache

/// The retention page: per voice questionnaire, what is kept how long, and what goes next.
struct RetentionPageView: PageView {
    struct Row: Sendable, MustacheParent {
        var partLabel: String
        var keptFor: String
        var deleted: Int
        var dueSoon: Int
        var nextDue: String

        func child(named name: String) -> Any? {
            switch name {
            case "partLabel": partLabel
            case "keptFor": keptFor
            case "deleted": deleted
            case "dueSoon": dueSoon
            case "nextDue": nextDue
            default: nil
            }
        }
    }

    struct Form: Sendable, MustacheParent {
        var formTitle: String
        var rows: [Row]

        func child(named name: String) -> Any? {
            switch name {
            case "formTitle": formTitle
            case "rows": rows
            default: nil
            }
        }
    }

    var layout: LayoutView
    var forms: [Form]

    func field(named name: String) -> Any? {
        switch name {
        case "forms": forms
        case "hasForms": !forms.isEmpty
        default: nil
        }
    }
}
