import Foundation
import Hummingbird
import SVFormsStore

/// `/admin/mail`: admins see what is queued, sent and failed, and can send a failed message again.
struct MailController: Sendable {
    let site: Site

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("mail", use: show)
        group.post("mail/:id/retry", use: retry)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.admin)
        let status = request.uri.queryParameters["status"].flatMap { OutboxItem.Status(rawValue: String($0)) }
        let items = try await site.database.mail(status: status, limit: 200, offset: 0)
        let counts = try await site.database.mailCounts()
        let view = MailPageView(
            layout: site.adminLayout(title: "Mail", context), filter: status, counts: counts,
            rows: items.map { MailRowView(item: $0, timeZone: site.partnership.timeZone) },
            csrfToken: context.sessionToken.map(site.antiForgery.token(for:)) ?? "",
            notice: request.uri.queryParameters["retried"] != nil ? "The message is queued again." : nil)
        return site.renderer.response("mail", view)
    }

    @Sendable func retry(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.require(.admin)
        let input = try await FormBody.read(request, context: context)
        guard let token = context.sessionToken, site.antiForgery.isValid(input.value(AntiForgery.fieldName), for: token) else {
            throw WebError.formExpired
        }
        guard let id = context.parameters.get("id").flatMap(Int64.init),
            try await site.database.retryFailedMail(id, at: site.configuration.now())
        else { throw WebError.notFound }
        site.mailWakeup.signal()
        try await site.database.record(AuditEvent(
            at: site.configuration.now(), actor: account.email, action: "mail.retry", subject: "outbox \(id)",
            client: site.clientAddress(request, context)))
        return .redirect(to: AdminPaths.mail + "?status=queued&retried", type: .normal)
    }
}
