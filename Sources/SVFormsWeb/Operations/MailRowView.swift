import Foundation
import Mustache
import SVFormsStore

/// One message in the outbox.
struct MailRowView: Sendable, MustacheParent {
    var item: OutboxItem
    var timeZone: TimeZone

    func child(named name: String) -> Any? {
        switch name {
        case "mailCreated": DisplayTime.string(item.createdAt, timeZone)
        case "mailKind": item.message.kind
        case "mailRecipient": item.message.recipient
        case "mailSubject": item.message.subject
        case "mailStatus": item.status.rawValue
        case "mailAttempts": item.attempts
        case "mailError": item.lastError ?? ""
        case "mailSent": item.sentAt.map { DisplayTime.string($0, timeZone) } ?? ""
        case "contentDropped": item.status == .failed && !item.hasContent
        case "canRetry": item.status == .failed && item.hasContent
        case "retryHref": SiteRoute.mailRetry.path(item.id)
        default: nil
        }
    }
}
