import Mustache

/// The signed-in home page.
struct DashboardView: PageView {
    var layout: LayoutView
    var forms: [DashboardFormView]

    func field(named name: String) -> Any? {
        switch name {
        case "forms": forms
        default: nil
        }
    }
}

/// One questionnaire's summary on the dashboard.
struct DashboardFormView: Sendable, MustacheParent {
    var title: String
    var submitted: Int

    func child(named name: String) -> Any? {
        switch name {
        case "formTitle": title
        case "submitted": submitted
        default: nil
        }
    }
}
