import Hummingbird
import SVFormsCore
import SVFormsStore

/// `/admin/audit`: admins read who signed in and who downloaded what.
struct AuditController: Sendable {
    let auditLog: AuditStore
    let catalog: FormCatalog
    let presenter: Presenter
    static let pageSize = 100

    func addRoutes(to routes: SiteRouter) {
        routes.on(.audit, use: show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let total = try await auditLog.auditEventCount()
        // Clamped before any arithmetic, so no crafted `page=` can overflow.
        let lastPage = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        let page = min(max(1, request.uri.queryParameters["page"].flatMap { Int($0) } ?? 1), lastPage)
        let events = try await auditLog.auditEvents(limit: Self.pageSize, offset: (page - 1) * Self.pageSize)
        let view = AuditPageView(
            layout: presenter.adminLayout(title: "Audit log", context),
            rows: events.map { AuditRowView(event: $0, timeZone: catalog.partnership.timeZone) },
            total: total, newerHref: page > 1 ? SiteRoute.audit.path() + "?page=\(page - 1)" : nil,
            olderHref: page * Self.pageSize < total ? SiteRoute.audit.path() + "?page=\(page + 1)" : nil)
        return presenter.response(.audit, view)
    }
}
