import Foundation
import Hummingbird
import SVFormsBackground
import SVFormsCore
import SVFormsStore

/// `/admin/mail`: admins see what is queued, sent and failed, and can send failed mail again.
struct MailController: Sendable {
    let outboxStore: OutboxStore
    let catalog: FormCatalog
    let presenter: Presenter
    let clock: SiteClock
    let auditor: Auditor
    let mailWakeup: MailWakeup

    func addRoutes(to routes: SiteRouter) {
        routes.on(.mail, use: show)
        routes.on(.mailRetryFailed, use: retryAll)
        routes.on(.mailRetry, use: retry)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let status = request.uri.queryParameters["status"].flatMap { OutboxItem.Status(rawValue: String($0)) }
        let items = try await outboxStore.mail(status: status, limit: 200, offset: 0)
        let counts = try await outboxStore.mailCounts()
        let retried = request.uri.queryParameters["retried"].flatMap { Int(String($0)) }
        let view = MailPageView(
            layout: presenter.adminLayout(title: "Mail", context), filter: status, counts: counts,
            rows: items.map { MailRowView(item: $0, timeZone: catalog.partnership.timeZone) },
            csrfToken: presenter.csrfToken(context), notice: retried.map(Self.retriedNotice))
        return presenter.response(.mail, view)
    }

    @Sendable func retry(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        _ = try context.postedForm()
        guard let id = context.parameters.get("id").flatMap(Int64.init),
            try await outboxStore.retryFailedMail(id, at: clock.now())
        else { throw WebError.notFound }
        return try await queued(1, subject: "outbox \(id)", by: account, request, context)
    }

    @Sendable func retryAll(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        _ = try context.postedForm()
        let count = try await outboxStore.retryAllFailedMail(at: clock.now())
        return try await queued(count, subject: "all failed mail", by: account, request, context)
    }

    private func queued(
        _ count: Int, subject: String, by account: Account, _ request: Request,
        _ context: AppRequestContext
    ) async throws -> Response {
        mailWakeup.signal()
        try await auditor.audit("mail.retry", subject: subject, rowCount: count, request, context)
        return .redirect(to: SiteRoute.mail.path() + "?status=queued&retried=\(count)", type: .normal)
    }

    static func retriedNotice(_ count: Int) -> String {
        switch count {
        case 0: "There was no failed mail that could be sent again."
        case 1: "1 message is queued again."
        default: "\(count) messages are queued again."
        }
    }
}
