import Hummingbird
import SVFormsCore
import SVFormsStore

/// `/admin`: what has come in, per questionnaire.
struct DashboardController: Sendable {
    let site: Site

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/", use: show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewer)
        var forms: [DashboardFormView] = []
        for questionnaire in site.catalog.questionnaires {
            forms.append(DashboardFormView(
                title: questionnaire.title, submitted: try await site.database.responseCount(formID: questionnaire.id)))
        }
        let view = DashboardView(layout: site.adminLayout(title: "Dashboard", context), forms: forms)
        return site.renderer.response("dashboard", view)
    }
}
