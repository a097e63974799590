import Foundation
import Mustache
import SVFormsStore

/// The outbox for admins.
struct MailPageView: PageView {
    var layout: LayoutView
    var filter: OutboxItem.Status?
    var counts: [OutboxItem.Status: Int]
    var rows: [MailRowView]
    var csrfToken: String
    var notice: String?

    func field(named name: String) -> Any? {
        switch name {
        case "queuedCount": counts[.queued] ?? 0
        case "sentCount": counts[.sent] ?? 0
        case "failedCount": counts[.failed] ?? 0
        case "filterText": filter.map { "Showing \($0.rawValue) mail." } ?? "Showing all mail."
        case "filters": [nil, OutboxItem.Status.queued, .sent, .failed].map(filterLink)
        case "canRetryAll": (counts[.failed] ?? 0) > 0
        case "rows": rows
        case "hasRows": !rows.isEmpty
        case "csrfToken": csrfToken
        case "notice": notice
        default: nil
        }
    }

    private func filterLink(_ status: OutboxItem.Status?) -> [String: Any] {
        let label = status.map { "\($0.rawValue.prefix(1).uppercased())\($0.rawValue.dropFirst()) (\(counts[$0] ?? 0))" } ?? "All"
        return [
            "filterHref": status.map { SiteRoute.mail.path() + "?status=\($0.rawValue)" } ?? SiteRoute.mail.path(),
            "filterLabel": label, "isCurrent": status == filter,
        ]
    }
}
